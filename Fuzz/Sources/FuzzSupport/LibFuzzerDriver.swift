// Starts libFuzzer from a fuzz target's @main. SwiftPM renames an executable's entry point and links it
// as `main`, which leaves libFuzzer's own main unused; LLVMFuzzerRunDriver takes the same arguments.
import CLibFuzzer
import Glibc

public enum LibFuzzerDriver {
    /// Runs libFuzzer with the process arguments and `callback` (the target's LLVMFuzzerTestOneInput).
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }
}
