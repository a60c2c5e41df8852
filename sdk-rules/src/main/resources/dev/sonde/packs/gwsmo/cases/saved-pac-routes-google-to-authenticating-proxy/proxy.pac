// Corp PAC, saved with the support bundle (host/proxy.pac)
function FindProxyForURL(url, host) {
    if (isPlainHostName(host) || dnsDomainIs(host, ".corp.example")) {
        return "DIRECT";
    }
    if (shExpMatch(host, "*.googleapis.com") || dnsDomainIs(host, "accounts.google.com")) {
        return "PROXY 10.20.0.5:8080";
    }
    return "DIRECT";
}
