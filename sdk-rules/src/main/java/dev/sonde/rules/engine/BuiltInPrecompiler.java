package dev.sonde.rules.engine;

import dev.sonde.PackProblem;
import dev.sonde.rules.cache.PrecompiledPack;
import dev.sonde.rules.pack.ParsedJson;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The build step that compiles the built-in pack and writes its compiled rules where the jar takes them from
 * ({@link PrecompiledPack#RESOURCE}). It is a javac annotation processor because the build has no plugin to run
 * a program: sdk-rules' pom runs javac once more after compiling, on a one-line source, with only this processor
 * ({@code -proc:only}) and the module's classes on its path. Never registered as a service: javac runs it only
 * when named. A pack that does not compile fails the build.
 */
@SupportedAnnotationTypes("*")
public final class BuiltInPrecompiler extends AbstractProcessor {

    private boolean done;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (done) {
            return false;
        }
        done = true;
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(BuiltInPrecompiler.class.getClassLoader()); // Drools finds its services there
        try {
            byte[] bytes = precompiled();
            FileObject out = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                    PrecompiledPack.RESOURCE);
            try (OutputStream o = out.openOutputStream()) {
                o.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "the built-in rule pack cannot be precompiled: " + e);
        } finally {
            thread.setContextClassLoader(before);
        }
        return false;
    }

    /** The built-in pack compiled, in the form {@link PrecompiledPack} reads. */
    static byte[] precompiled() throws IOException {
        RulePack pack = RulePack.builtIn();
        List<PackProblem> problems = new ArrayList<>();
        PackCompiler.Compiled compiled = PackCompiler.compile(pack, problems);
        if (compiled == null || problems.stream().anyMatch(PackProblem::isError)) {
            throw new IllegalStateException("the built-in rule pack does not compile: " + problems);
        }
        return PrecompiledPack.encode(pack, compiled.kieBase(), problems, PackCompiler.options(), ParsedJson.builtIn());
    }
}
