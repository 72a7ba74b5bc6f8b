// The example's command line, parsed by hand (the example should read as a device's program, not as
// an argument-parsing demo). Usage errors exit 1 with the usage text.
import Certo

struct Arguments {
    var host = ""
    var port = 8883
    var caFiles: [String] = []
    var serverName: String?
    var topic = "certo/example"
    var message = "hello from certo-mqtt-example"
    var clientID = "certo-mqtt-example"
    var certificateFile: String?
    var keyFile: String?
    var alpn: [String] = []
    var validationTime: Instant?
    var profile = Profile.webPKI
    var timeoutSeconds: Int64 = 10

    static let usage = """
        usage: certo-mqtt-example HOST[:PORT] [--ca FILE]... [--sni NAME] [--topic TOPIC] [--message TEXT]
                                  [--client-id ID] [--cert FILE --key FILE] [--alpn PROTOCOL]...
                                  [--at TIME] [--profile web|rfc5280] [--timeout SECONDS]
          HOST[:PORT]    the broker (port 8883 by default; an IPv6 address in brackets: [::1]:8883)
          --ca FILE      trusted root certificates, PEM or DER (repeatable; default: the system store)
          --sni NAME     the name the broker must prove, also sent as SNI (default: HOST; none for an IP)
          --topic, --message, --client-id   what to publish (QoS 0) and as whom
          --cert, --key  the device's own certificate chain and key (PEM), for brokers that require one
          --alpn         ALPN protocol to offer (AWS IoT on port 443: x-amzn-mqtt-ca)
          --at TIME      validation time, Unix seconds or ISO 8601 UTC (default: now)
        exit: 0 published; 1 usage or unreadable input; 2 Certo refused the broker's chain;
              3 connection or TLS failure; 4 the broker refused CONNECT or broke the protocol
        """

    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    init(_ words: [String]) throws(UsageError) {
        var rest = words[...]
        var target: String?
        func value(_ flag: String) throws(UsageError) -> String {
            guard let next = rest.popFirst() else { throw UsageError(description: "\(flag) needs a value") }
            return next
        }
        while let word = rest.popFirst() {
            switch word {
            case "--ca": caFiles.append(try value(word))
            case "--sni": serverName = try value(word)
            case "--topic": topic = try value(word)
            case "--message": message = try value(word)
            case "--client-id": clientID = try value(word)
            case "--cert": certificateFile = try value(word)
            case "--key": keyFile = try value(word)
            case "--alpn": alpn.append(try value(word))
            case "--at":
                let text = try value(word)
                guard let time = Instant(parsing: text) else { throw UsageError(description: "--at: not a time: \(text)") }
                validationTime = time
            case "--profile":
                let text = try value(word)
                guard let parsed = Profile(rawValue: text) else { throw UsageError(description: "--profile: web or rfc5280, not \(text)") }
                profile = parsed
            case "--timeout":
                let text = try value(word)
                guard let seconds = Int64(text), seconds > 0 else { throw UsageError(description: "--timeout: not a positive number: \(text)") }
                timeoutSeconds = seconds
            case "-h", "--help": throw UsageError(description: "")
            default:
                guard !word.hasPrefix("-"), target == nil else { throw UsageError(description: "unexpected argument \(word)") }
                target = word
            }
        }
        guard let target else { throw UsageError(description: "missing HOST[:PORT]") }
        guard (certificateFile == nil) == (keyFile == nil) else { throw UsageError(description: "--cert and --key go together") }
        try splitTarget(target)
    }

    /// "host", "host:port", "[v6]", "[v6]:port"; a bare IPv6 address (two colons or more) has no port.
    private mutating func splitTarget(_ target: String) throws(UsageError) {
        var hostPart = target
        var portPart: Substring?
        if target.hasPrefix("["), let close = target.firstIndex(of: "]") {
            hostPart = String(target[target.index(after: target.startIndex)..<close])
            let after = target[target.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw UsageError(description: "bad HOST[:PORT]: \(target)") }
                portPart = after.dropFirst()
            }
        } else if target.filter({ $0 == ":" }).count == 1, let colon = target.firstIndex(of: ":") {
            hostPart = String(target[..<colon])
            portPart = target[target.index(after: colon)...]
        }
        if let portPart {
            guard let port = Int(portPart), (1...65535).contains(port) else { throw UsageError(description: "bad port in \(target)") }
            self.port = port
        }
        guard !hostPart.isEmpty else { throw UsageError(description: "missing host in \(target)") }
        host = hostPart
    }
}
