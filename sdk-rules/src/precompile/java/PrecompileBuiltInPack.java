/** What javac is given to run the BuiltInPrecompiler processor on (see sdk-rules/pom.xml); never compiled to a class. */
final class PrecompileBuiltInPack {
}
