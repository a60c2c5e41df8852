package dev.sonde.probes.revocation;

import dev.sonde.facts.RevocationReason;
import dev.sonde.probes.tls.ChainVerifier;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP exchange for one certificate, built and judged with Bouncy Castle: a request with a
 * SHA-1 {@link CertificateID} (what responders universally accept) and a random nonce; the answer
 * parsed, its signature checked against the issuer or a responder certificate the issuer delegated
 * OCSP signing to, the nonce compared when echoed, and the status for our certificate read.
 */
final class OcspCheck {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 16;

    private final CertificateID id;
    private final byte[] nonce;
    private final byte[] request;
    private final X509Certificate issuer;

    private OcspCheck(CertificateID id, byte[] nonce, byte[] request, X509Certificate issuer) {
        this.id = id;
        this.nonce = nonce;
        this.request = request;
        this.issuer = issuer;
    }

    /** A request for {@code leaf}, issued by {@code issuer}. */
    static OcspCheck forCertificate(X509Certificate leaf, X509Certificate issuer) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), leaf.getSerialNumber());
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            // Extension.create DER-encodes the OCTET STRING into the extension value (RFC 8954);
            // new Extension(oid, false, new DEROctetString(nonce)) would put the raw bytes there instead.
            Extension nonceExt = Extension.create(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce));
            OCSPReq req = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(nonceExt)).build();
            return new OcspCheck(id, nonce, req.getEncoded(), issuer);
        } catch (Exception e) { // OperatorCreationException, OCSPException, CertificateEncodingException, IOException
            throw new IllegalArgumentException("cannot build an OCSP request for " + leaf.getSubjectX500Principal(), e);
        }
    }

    /** The DER request to POST. */
    byte[] request() {
        return request.clone();
    }

    /** The verdict on a DER answer; fills {@code detail}. */
    RevocationReason judge(byte[] der, Instant now, Map<String, String> detail) {
        BasicOCSPResp basic;
        try {
            OCSPResp resp = new OCSPResp(der);
            if (resp.getStatus() != OCSPRespBuilder.SUCCESSFUL) {
                detail.put(RevocationProbe.OCSP_STATUS, responseStatusName(resp.getStatus()));
                detail.put(RevocationProbe.ERROR, "responder answered " + responseStatusName(resp.getStatus()));
                return RevocationReason.BAD_RESPONSE;
            }
            Object body = resp.getResponseObject();
            if (!(body instanceof BasicOCSPResp b)) {
                detail.put(RevocationProbe.ERROR, "no basic OCSP response");
                return RevocationReason.BAD_RESPONSE;
            }
            basic = b;
        } catch (IOException | OCSPException | RuntimeException e) {
            detail.put(RevocationProbe.ERROR, "not an OCSP response: " + e.getMessage());
            return RevocationReason.BAD_RESPONSE;
        }
        detail.put(RevocationProbe.PRODUCED_AT, basic.getProducedAt().toInstant().toString());

        String signer = signer(basic, now);
        if (signer == null) {
            detail.put(RevocationProbe.ERROR, "OCSP signature does not verify with the issuer or a delegated responder");
            return RevocationReason.BAD_RESPONSE;
        }
        detail.put(RevocationProbe.RESPONDER, signer);

        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed != null && !sameNonce(echoed)) {
            detail.put(RevocationProbe.ERROR, "OCSP nonce differs from the request's (replayed answer?)");
            return RevocationReason.BAD_RESPONSE;
        }

        SingleResp single = null;
        for (SingleResp s : basic.getResponses()) {
            if (id.equals(s.getCertID())) {
                single = s;
                break;
            }
        }
        if (single == null) {
            detail.put(RevocationProbe.ERROR, "OCSP answer does not cover the certificate asked about");
            return RevocationReason.BAD_RESPONSE;
        }
        detail.put(RevocationProbe.THIS_UPDATE, single.getThisUpdate().toInstant().toString());
        Date next = single.getNextUpdate();
        if (next != null) {
            detail.put(RevocationProbe.NEXT_UPDATE, next.toInstant().toString());
        }
        CertificateStatus status = single.getCertStatus();
        if (status instanceof RevokedStatus revoked) {
            detail.put(RevocationProbe.REVOKED_AT, revoked.getRevocationTime().toInstant().toString());
            if (revoked.hasRevocationReason()) {
                detail.put(RevocationProbe.REVOCATION_REASON, RevocationProbe.reasonName(revoked.getRevocationReason()));
            }
            return RevocationReason.REVOKED;
        }
        if (status instanceof UnknownStatus) {
            return RevocationReason.UNKNOWN;
        }
        if (status != CertificateStatus.GOOD) {
            detail.put(RevocationProbe.ERROR, "unrecognised certificate status " + status.getClass().getSimpleName());
            return RevocationReason.BAD_RESPONSE;
        }
        if (next != null && next.toInstant().isBefore(now)) {
            return RevocationReason.STALE;
        }
        return RevocationReason.GOOD;
    }

    /** The subject DN of whoever validly signed the answer, or {@code null}. */
    private String signer(BasicOCSPResp basic, Instant now) {
        if (verifies(basic, issuer.getPublicKey())) {
            return ChainVerifier.name(issuer.getSubjectX500Principal());
        }
        X509CertificateHolder[] certs = basic.getCerts();
        for (X509CertificateHolder holder : certs == null ? new X509CertificateHolder[0] : certs) {
            try {
                X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
                List<String> eku = responder.getExtendedKeyUsage();
                boolean delegated = responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                        && eku != null && eku.contains(KeyPurposeId.id_kp_OCSPSigning.getId())
                        && !now.isBefore(responder.getNotBefore().toInstant()) && !now.isAfter(responder.getNotAfter().toInstant());
                if (delegated) {
                    responder.verify(issuer.getPublicKey());
                    if (verifies(basic, responder.getPublicKey())) {
                        return ChainVerifier.name(responder.getSubjectX500Principal());
                    }
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                // not a usable responder certificate: try the next one
            }
        }
        return null;
    }

    private static boolean verifies(BasicOCSPResp basic, PublicKey key) {
        try {
            return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (Exception e) { // OperatorCreationException, OCSPException, or unchecked from a mismatched key type
            return false;
        }
    }

    /**
     * True when the echoed nonce is ours. RFC 8954 puts a DER OCTET STRING inside the extension
     * value; older responders (and old Bouncy Castle examples) put the raw bytes: accept both.
     */
    private boolean sameNonce(Extension echoed) {
        byte[] raw = echoed.getExtnValue().getOctets();
        if (Arrays.equals(nonce, raw)) {
            return true;
        }
        try {
            return Arrays.equals(nonce, ASN1OctetString.getInstance(raw).getOctets());
        } catch (RuntimeException notDer) {
            return false;
        }
    }

    private static String responseStatusName(int status) {
        return switch (status) {
            case OCSPRespBuilder.MALFORMED_REQUEST -> "malformedRequest";
            case OCSPRespBuilder.INTERNAL_ERROR -> "internalError";
            case OCSPRespBuilder.TRY_LATER -> "tryLater";
            case OCSPRespBuilder.SIG_REQUIRED -> "sigRequired";
            case OCSPRespBuilder.UNAUTHORIZED -> "unauthorized";
            default -> "status" + status;
        };
    }
}
