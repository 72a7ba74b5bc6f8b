// Every limit the command line puts on what it reads, in one place (README "Input limits" lists them).
// Input over a limit is refused with one line on stderr and a non-zero exit; what can be processed
// as it streams (hash input, a sigverify message, JSON-lines batches) is streamed instead of capped.
import Certo
import CertoSignatureRequests

enum InputLimits {
    /// One certificate file (CERT, `-`, --ca, --untrusted, each --ca-path entry, `certo show` FILE).
    static let certificateFileBytes = FileBytes.limit
    /// Certificate input `certo verify` and `certo check` hold at once: trust-store files, the
    /// intermediates, and the CERT file being verified (CERT files are read one after the other).
    static let certificateInputTotalBytes = FileBytes.limit
    /// A sigverify --key or --sig file (an RSA-16384 key is 2 KiB).
    static let keyOrSignatureFileBytes = 1 << 20
    /// One sigverify --jsonl request line, without its newline.
    static let requestLineBytes = 1 << 20
    /// The longest `certo verify --jsonl` request line: a chain of PEM certificates.
    static let chainRequestLineBytes = 1 << 20
    /// How far past `requestLineBytes` an over-long line is skipped looking for its end, so that it
    /// can be answered and the batch go on; input with no newline within this many bytes ends the batch.
    static let overlongLineSkipBytes = 64 << 20
    /// How much of a bad value an error message repeats.
    static let echoedValueBytes = echoedValueLimit
    /// The longest error text a sigverify answer carries.
    static let answerErrorBytes = 256

    static func certificateBudget() -> InputBudget {
        InputBudget(perFile: certificateFileBytes, total: certificateInputTotalBytes)
    }
}
