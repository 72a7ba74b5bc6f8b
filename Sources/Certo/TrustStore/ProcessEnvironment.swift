// The process environment, read where OpenSSL's conventions are honoured (SSL_CERT_FILE,
// SSL_CERT_DIR for the system store).
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum ProcessEnvironment {
    /// The variable's value, nil when it is not set.
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
