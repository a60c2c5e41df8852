package dev.sonde.cli;

import dev.sonde.Finding;
import dev.sonde.PackProblem;
import dev.sonde.Report;
import dev.sonde.SondeException;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.cases.PackCases;
import dev.sonde.rules.lint.PackCheck;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.PackSignature;
import dev.sonde.spi.InputFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code sonde rules export|check|test|keygen|sign}: work on rule packs without a Java build. */
@Command(name = "rules",
        description = {"Works on rule packs: export, check, test, keygen, sign.", "",
            "Export the built-in pack as editable files, check and test an edited pack, make a signing key and sign a pack. "
                    + "Use a pack with 'analyze --rules PACK' (and '--trust KEY.pub' for a signed one)."},
        mixinStandardHelpOptions = true,
        subcommands = {RulesCommand.Export.class, RulesCommand.Check.class, RulesCommand.Test.class,
            RulesCommand.Keygen.class, RulesCommand.Sign.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a rules command is needed: export, check, test, keygen or sign");
    }

    /** Prints {@code sonde: message} (and the stack trace with --debug) and returns {@code code}. */
    static int fail(PrintWriter err, Exception e, boolean debug, int code) {
        err.println("sonde: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        if (debug) {
            e.printStackTrace(err);
        }
        return code;
    }

    /** {@code sonde rules export DIR [--force]}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the built-in rule pack into a folder, as editable files.", "",
                "DRL, data files, message bundles and golden cases, in the layout 'check', 'test' and '--rules' read."})
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "the folder to write (created when missing; must be empty)")
        Path dir;

        @Option(names = "--force", description = "write into a folder that is not empty, replacing files of the same name")
        boolean force;

        @Option(names = "--debug", description = "print stack traces of errors")
        boolean debug;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (Files.exists(dir) && !Files.isDirectory(dir)) {
                    err.println("sonde: " + dir + " is a file, not a folder.");
                    return SondeCommand.USAGE;
                }
                if (Files.isDirectory(dir) && !force) {
                    try (Stream<Path> entries = Files.list(dir)) {
                        if (entries.findAny().isPresent()) {
                            err.println("sonde: " + dir + " is not empty; give --force to write into it anyway.");
                            return SondeCommand.USAGE;
                        }
                    }
                }
                Files.createDirectories(dir);
                int files = RulePack.exportBuiltIn(dir);
                out.println("exported the built-in rule pack (" + files + " files) to " + dir);
                out.println("next: edit it, then 'sonde rules check " + dir + "' and 'sonde rules test " + dir + "'");
                return SondeCommand.OK;
            } catch (IOException e) {
                return fail(err, new IOException("cannot write into " + dir + " (" + reason(e) + ")", e), debug,
                        SondeCommand.NO_INPUT);
            } catch (SondeException e) {
                return fail(err, e, debug, SondeCommand.NO_INPUT);
            }
        }
    }

    /** {@code sonde rules check PACK}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks a rule pack without loading it anywhere.", "",
                "Reads pack.json, every data file (trust anchors certificate by certificate), message bundle and golden case "
                        + "file, then compiles the DRL and checks that every finding id a rule can raise has its messages, and "
                        + "warns about texts a translation lacks. Prints one line per problem, "
                        + "file:line:col: error|warning: message, and a count; exits 1 when there is an error."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PACK", description = "a rule pack folder or .zip/.jar")
        Path pack;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<PackProblem> problems;
            try {
                problems = PackCheck.check(pack);
            } catch (SondeException e) { // the pack cannot be read at all (an archive beyond the limits ...)
                spec.commandLine().getErr().println("sonde: " + e.getMessage());
                return SondeCommand.NO_INPUT;
            }
            boolean archive = !Files.isDirectory(pack);
            for (PackProblem p : problems) {
                String shown = p.file().equals(".") || p.file().equals(pack.toString()) ? pack.toString()
                        : archive ? pack + "!/" + p.file() : pack.resolve(p.file()).toString();
                out.println(p.format(shown));
            }
            long errors = problems.stream().filter(PackProblem::isError).count();
            long warnings = problems.size() - errors;
            out.println(pack + ": " + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                    + (warnings == 1 ? " warning" : " warnings"));
            out.flush();
            return errors > 0 ? SondeCommand.PROBLEMS : SondeCommand.OK;
        }
    }

    /** {@code sonde rules test PACK [--trust KEY]}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Runs the golden cases of a rule pack folder or .zip/.jar.", "",
                "Analyzes the logs of every cases/NAME/ folder with the pack's rules, together with the probe results "
                        + "recorded in its probes.json (sonde probe --record) when it has one, and compares the report with "
                        + "the case's expect.json (or expected.json); prints PASS NAME or FAIL NAME: why, then "
                        + "'N passed, N failed'; exits 1 on any failure."})
    static final class Test implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PACK", description = "a rule pack folder or .zip/.jar")
        Path pack;

        @Option(names = "--trust", paramLabel = "PUBKEY",
                description = "refuse the pack unless it is signed by this public key (checked before anything is compiled)")
        Path trust;

        @Option(names = "--debug", description = "print stack traces of errors")
        boolean debug;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.exists(pack)) {
                err.println("sonde: " + pack + ": no such rule pack folder or archive.");
                return SondeCommand.NO_INPUT;
            }
            try {
                // loaded (verified first with --trust) and compiled by the cases tooling; an archive stays open while
                // its cases are analyzed in place
                return PackCases.open(pack, Optional.ofNullable(trust).map(PackTrust::publicKey), this::run);
            } catch (RuntimeException e) { // the pack or its cases cannot be read, are refused or do not compile
                return fail(err, e, debug, SondeCommand.NO_INPUT);
            }
        }

        private int run(PackCases rules) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            rules.layering().forEach(line -> err.println("sonde: rules: " + line));
            List<GoldenCase> all = rules.cases();
            if (all.isEmpty()) {
                err.println("sonde: " + pack + " has no golden case (cases/NAME/ with logs or probes.json, and expect.json).");
            }
            int passed = 0;
            int failed = 0;
            for (GoldenCase c : all) {
                String why;
                try {
                    Report report = rules.run(c); // the logs, and the recorded probes when the case has them
                    if (!report.anyInputRead()) {
                        why = (c.probes().isPresent() ? "nothing could be read in " : "no log could be read in ")
                                + shown(c.folder());
                    } else {
                        List<String> problems = c.check(report);
                        why = problems.isEmpty() ? null : String.join("; ", problems) + " (found: "
                                + (report.findings().isEmpty() ? "nothing"
                                        : report.findings().stream().map(Finding::id).collect(Collectors.joining(", ")))
                                + ")";
                    }
                } catch (RuntimeException e) {
                    why = "the analysis failed: " + e.getMessage();
                    if (debug) {
                        e.printStackTrace(err);
                    }
                }
                if (why == null) {
                    passed++;
                    out.println("PASS " + c.name());
                } else {
                    failed++;
                    out.println("FAIL " + c.name() + ": " + why);
                }
            }
            out.println(passed + " passed, " + failed + " failed");
            out.flush();
            return failed > 0 ? SondeCommand.PROBLEMS : SondeCommand.OK;
        }

        /** A folder of the pack as the user knows it: {@code pack.zip!/pack/cases/x} inside an archive. */
        private String shown(Path folder) {
            return Files.isDirectory(pack) ? folder.toString() : pack + "!" + folder;
        }
    }

    /** {@code sonde rules keygen --out NAME}. */
    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = {"Makes a key pair for signing rule packs.", "",
                "Writes NAME.key (Ed25519 private key, PEM, readable by you only where the system allows it: keep it secret) "
                        + "and NAME.pub (the public key: whoever runs your packs gives it with --trust NAME.pub)."})
    static final class Keygen implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "NAME", description = "writes NAME.key and NAME.pub")
        Path name;

        @Option(names = "--force", description = "replace existing NAME.key and NAME.pub")
        boolean force;

        @Option(names = "--debug", description = "print stack traces of errors")
        boolean debug;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path key = name.resolveSibling(name.getFileName() + ".key");
            Path pub = name.resolveSibling(name.getFileName() + ".pub");
            if (!force && (Files.exists(key) || Files.exists(pub))) {
                err.println("sonde: " + (Files.exists(key) ? key : pub) + " exists; give --force to replace the key pair.");
                return SondeCommand.USAGE;
            }
            try {
                PackSignature.Keys keys = PackSignature.generateKeys();
                if (key.getParent() != null) {
                    Files.createDirectories(key.getParent());
                }
                Files.deleteIfExists(key);
                writePrivate(key, keys.privateKeyPem());
                Files.writeString(pub, keys.publicKeyPem(), StandardCharsets.US_ASCII);
                out.println("wrote " + key + " (private: keep it secret) and " + pub + " (public: --trust " + pub + ")");
                return SondeCommand.OK;
            } catch (IOException e) {
                return fail(err, new IOException("cannot write the key pair " + key + " and " + pub + " (" + reason(e) + ")", e),
                        debug, SondeCommand.NO_INPUT);
            } catch (SondeException e) {
                return fail(err, e, debug, SondeCommand.NO_INPUT);
            }
        }

        /** Creates the file readable and writable by its owner only (POSIX), or restricts it as far as the OS allows. */
        static void writePrivate(Path file, String pem) throws IOException {
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                try {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    // deleted just before; a race leaves the old file, which is overwritten below
                }
                java.io.File f = file.toFile();
                f.setReadable(false, false);
                f.setReadable(true, true);
                f.setWritable(false, false);
                f.setWritable(true, true);
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        }
    }

    /** {@code sonde rules sign PACK --key KEY}. */
    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"Signs a rule pack folder or .zip/.jar.", "",
                "Writes pack.sig at the pack's root (into the archive for a .zip/.jar, changing nothing else in it): "
                        + "the pack's id and version and the SHA-256 of every file of the pack, signed with the private key "
                        + "(Ed25519). Sign last: any later change, addition or removal makes '--trust' refuse the pack."})
    static final class Sign implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PACK", description = "a rule pack folder or .zip/.jar")
        Path pack;

        @Option(names = "--key", required = true, paramLabel = "KEY", description = "the private key (NAME.key from 'sonde rules keygen')")
        Path key;

        @Option(names = "--debug", description = "print stack traces of errors")
        boolean debug;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            boolean folder = Files.isDirectory(pack);
            if (!folder && !Files.isRegularFile(pack)) {
                err.println("sonde: " + pack + ": no such rule pack folder or archive.");
                return SondeCommand.NO_INPUT;
            }
            if (folder && !Files.isRegularFile(pack.resolve("pack.json"))) {
                err.println("sonde: " + pack + " is not a rule pack folder (no pack.json).");
                return SondeCommand.NO_INPUT;
            }
            Optional<String> notAFile = InputFiles.notRegular(key);
            if (notAFile.isPresent()) {
                err.println("sonde: the private key " + key + " cannot be read (" + notAFile.get().replace(" or folder", "") + ").");
                return SondeCommand.NO_INPUT;
            }
            String pem;
            try {
                pem = InputFiles.readUtf8(key, 64 << 10, "the private key"); // a PEM key takes about 120 bytes
            } catch (SondeException e) {
                err.println("sonde: " + e.getMessage() + ".");
                return SondeCommand.NO_INPUT;
            }
            try {
                PackSignature.sign(pack, pem);
            } catch (SondeException e) {
                return fail(err, e, debug, SondeCommand.NO_INPUT);
            }
            out.println("signed " + pack + " (" + (folder ? pack.resolve(PackSignature.FILE).toString()
                    : PackSignature.FILE + " written into the archive, at the pack's root") + ")");
            return SondeCommand.OK;
        }
    }

    /** Why a file could not be read or written, in a few words ({@code no such file}, not just its path). */
    static String reason(IOException e) {
        return dev.sonde.spi.InputFiles.reason(e);
    }
}
