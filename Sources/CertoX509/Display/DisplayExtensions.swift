// The display decoder's extensions: every Extension whose SEQUENCE can be read is kept, each known one
// run through the strict extension decoder and reported when refused (with its RFC 5280 section); a
// repeated extension, an empty list and a non-DER critical flag are reported too. Alternative names
// that the strict decoder refuses for non-ASCII text are read again here so they can be shown.
import CertoDER

enum DisplayExtensions {
    /// The extensions inside the [3] EXPLICIT tag at `tagged`, and for each a summary when the display
    /// decoder has a better one than `Extension.summary` (alternative names with non-ASCII text).
    static func read(_ tagged: inout DERScanner, _ field: String, _ problems: inout DisplayProblems) -> ([Extension], [String?]) {
        let start = tagged.position
        guard let listTLV = try? tagged.read(field) else {
            problems.add(field, at: start, .refused(.missingElement(field: field)))
            return ([], [])
        }
        guard listTLV.tag == 0x30, var reader = try? tagged.enter(listTLV, field) else {
            problems.add(field, at: listTLV.start, .unexpectedElement(tag: listTLV.tag))
            return ([], [])
        }
        DisplayFields.ignoreRemaining(&tagged, field, &problems)
        if reader.isAtEnd { problems.add(field, at: listTLV.start, .emptyExtensions) }

        var list: [Extension] = []
        var summaries: [String?] = []
        var seen: Set<ArraySlice<UInt8>> = []
        var index = 0
        while !reader.isAtEnd {
            let path = field + "[\(index)]"
            index += 1
            guard let tlv = try? reader.read(path) else { break }
            guard tlv.tag == 0x30, var parts = try? reader.enter(tlv, path) else {
                problems.add(path, at: tlv.start, .unexpectedElement(tag: tlv.tag), rule: "RFC 5280 §4.1")
                continue
            }
            guard let oidTLV = try? parts.read(path + ".extnID"), oidTLV.tag == 0x06,
                  ObjectIdentifierEncoding.isValid(parts.content(oidTLV)) else {
                problems.add(path + ".extnID", at: tlv.start, .refused(.invalidEncoding(field: path + ".extnID", offset: tlv.start, problem: .objectIdentifier)),
                             rule: "RFC 5280 §4.1")
                continue
            }
            let oid = parts.content(oidTLV)
            let dotted = ObjectIdentifierEncoding.dotted(oid)
            var critical = false
            if parts.nextTag == 0x01, let flag = try? parts.read(path + ".critical") {
                let content = parts.content(flag)
                critical = content.contains { $0 != 0 }
                if content.count != 1 || (content.first != 0 && content.first != 0xff) {
                    problems.add(path + ".critical", at: flag.start, .booleanNotDER)
                }
            }
            guard let valueTLV = try? parts.read(path + ".extnValue"), valueTLV.tag == 0x04 else {
                problems.add(path + ".extnValue", at: tlv.start, .refused(.missingElement(field: path + ".extnValue")), rule: "RFC 5280 §4.1")
                continue
            }
            DisplayFields.ignoreRemaining(&parts, path, &problems)
            let value = parts.content(valueTLV)
            if !seen.insert(oid).inserted { problems.add(path, at: tlv.start, .duplicateExtension(oid: dotted)) }

            var summary: String? = nil
            var scratch = DecodedExtensionValues()
            do {
                try ExtensionDecoder.decode(KnownExtension(oidBytes: oid), oid: oid, value: value, into: &scratch)
            } catch {
                let namePath = path + "." + dotted + "." + Extension.name(forOID: dotted)
                if oid.equals(OID.subjectAltName) || oid.equals(OID.issuerAltName), let names = lenientNames(value), !names.nonASCII.isEmpty {
                    for (offset, form, text) in names.nonASCII { problems.add(namePath, at: offset, .nonASCIIName(form: form, text: text)) }
                    summary = names.names.joined(separator: ", ")
                } else {
                    problems.refused(error.prefixed(dotted).prefixed(path), context: path + "." + dotted, rule: section(dotted))
                }
            }
            list.append(Extension(oidBytes: oid, critical: critical, content: value))
            summaries.append(summary)
        }
        return (list, summaries)
    }

    /// The GeneralName forms that are IA5Strings: their name and OpenSSL's prefix.
    private static let ia5Forms: [UInt8: (String, String)] = [
        0x81: ("rfc822Name", "email:"), 0x82: ("dNSName", "DNS:"), 0x86: ("uniformResourceIdentifier", "URI:"),
    ]

    /// GeneralNames read as the strict decoder does, except that the IA5String forms may hold any bytes
    /// (shown as UTF-8, and listed); nil when anything else about them is wrong.
    static func lenientNames(_ value: ArraySlice<UInt8>) -> (names: [String], nonASCII: [(offset: Int, form: String, text: String)])? {
        var outer = DERScanner(value)
        guard var list = try? outer.enterNonEmpty(0x30, "generalNames"), outer.isAtEnd else { return nil }
        var names: [String] = []
        var nonASCII: [(Int, String, String)] = []
        while !list.isAtEnd {
            var probe = list
            guard let tlv = try? probe.read("generalName") else { return nil }
            if let (form, prefix) = ia5Forms[tlv.tag] {
                let content = probe.content(tlv)
                let text = String(decoding: content, as: UTF8.self)
                if !DirectoryString.asciiAllowed(.ia5String, content) { nonASCII.append((tlv.start, form, text)) }
                names.append(prefix + text)
                list = probe
            } else {
                guard let checked = try? GeneralName.check(&list, "generalName", context: .alternativeName),
                      let name = try? GeneralName(checked: checked, in: list.bytes, field: "generalName") else { return nil }
                names.append(name.description)
            }
        }
        return (names, nonASCII)
    }

    /// The section of RFC 5280 (or RFC 6962) that defines the extension with this OID.
    static func section(_ oid: String) -> String {
        switch oid {
        case "2.5.29.35": return "RFC 5280 §4.2.1.1"
        case "2.5.29.14": return "RFC 5280 §4.2.1.2"
        case "2.5.29.15": return "RFC 5280 §4.2.1.3"
        case "2.5.29.32": return "RFC 5280 §4.2.1.4"
        case "2.5.29.33": return "RFC 5280 §4.2.1.5"
        case "2.5.29.17": return "RFC 5280 §4.2.1.6"
        case "2.5.29.18": return "RFC 5280 §4.2.1.7"
        case "2.5.29.19": return "RFC 5280 §4.2.1.9"
        case "2.5.29.30": return "RFC 5280 §4.2.1.10"
        case "2.5.29.36": return "RFC 5280 §4.2.1.11"
        case "2.5.29.37": return "RFC 5280 §4.2.1.12"
        case "2.5.29.31": return "RFC 5280 §4.2.1.13"
        case "2.5.29.54": return "RFC 5280 §4.2.1.14"
        case "2.5.29.46": return "RFC 5280 §4.2.1.15"
        case "1.3.6.1.5.5.7.1.1": return "RFC 5280 §4.2.2.1"
        case "1.3.6.1.5.5.7.1.11": return "RFC 5280 §4.2.2.2"
        case "1.3.6.1.4.1.11129.2.4.2": return "RFC 6962 §3.3"
        default: return "RFC 5280 §4.2"
        }
    }
}
