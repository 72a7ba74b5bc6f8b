// The display decoder's framing: reads a certificate's TLV tree accepting the lengths BER allows and
// DER forbids (long form for a short length, leading zero octets), and re-encodes the tree with DER
// lengths so that the field readers can use the strict DERScanner, keeping a map back to the input's
// offsets. Indefinite lengths, high tag numbers, truncation and nesting past DERScanner's limit are
// still refused: there is no structure left to show. Display only; verification never reads this.
import CertoDER

struct DisplayFraming {
    /// The first element of the input with every length in DER form (the input's bytes when they were).
    let canonical: [UInt8]
    /// Where the first element ends in the input; anything after it is data after the certificate.
    let elementEnd: Int
    /// Input offsets of the elements whose length was not in the fewest octets.
    let nonMinimalLengths: [Int]
    /// (canonical offset where a shortened header ends, input bytes saved up to there), in order.
    private let shifts: [(canonical: Int, saved: Int)]

    private struct Node {
        let start: Int
        let contentStart: Int
        let end: Int
        let tag: UInt8
        var canonicalContentCount: Int
    }

    init(_ input: [UInt8]) throws(CertificateError) {
        guard !input.isEmpty else { throw .malformedDER(offset: 0, problem: .empty) }
        var nodes: [Node] = []
        var nonMinimal: [Int] = []
        _ = try Self.measure(input, from: 0, to: input.count, depth: 0, elements: 1, into: &nodes, nonMinimal: &nonMinimal)
        elementEnd = nodes[0].end
        nonMinimalLengths = nonMinimal
        guard !nonMinimal.isEmpty else {
            canonical = elementEnd == input.count ? input : Array(input[..<elementEnd])
            shifts = []
            return
        }
        // Second pass: the nodes in document order, each header written in DER form.
        var output: [UInt8] = []
        output.reserveCapacity(elementEnd)
        var shifts: [(Int, Int)] = []
        var saved = 0
        for node in nodes {
            output.append(node.tag)
            Self.appendLength(node.canonicalContentCount, to: &output)
            let originalHeader = node.contentStart - node.start
            let canonicalHeader = 1 + Self.lengthOctets(node.canonicalContentCount)
            if originalHeader != canonicalHeader {
                saved += originalHeader - canonicalHeader
                shifts.append((output.count, saved))
            }
            if node.tag & 0x20 == 0 { output.append(contentsOf: input[node.contentStart..<node.end]) }
        }
        canonical = output
        self.shifts = shifts
    }

    /// The input offset of canonical offset `offset`.
    func inputOffset(_ offset: Int) -> Int {
        var low = 0
        var high = shifts.count
        while low < high {
            let middle = (low + high) / 2
            if shifts[middle].canonical <= offset { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? offset : offset + shifts[low - 1].saved
    }

    /// Reads `elements` elements (every one up to `to` when nil) from `from`, appending their nodes and
    /// their descendants' in document order; returns where reading stopped. Throws for a broken structure.
    private static func measure(_ input: [UInt8], from: Int, to: Int, depth: Int, elements: Int?,
                                into nodes: inout [Node], nonMinimal: inout [Int]) throws(CertificateError) -> Int {
        var position = from
        var count = 0
        while position < to, elements.map({ count < $0 }) ?? true {
            let start = position
            let tag = input[position]
            guard tag & 0x1f != 0x1f else { throw .malformedDER(offset: start, problem: .invalidTag) }
            guard tag & 0xdf != 0 else { throw .unexpectedElement(field: "certificate", offset: start, tag: tag) }
            position += 1
            guard position < to else { throw .malformedDER(offset: start, problem: .truncated) }
            let first = input[position]
            position += 1
            var length = Int(first)
            if first >= 0x80 {
                let octets = Int(first & 0x7f)
                // 0x80 is BER's indefinite length; more than 8 octets cannot be a length of this input.
                guard octets >= 1, octets <= 8 else { throw .malformedDER(offset: start, problem: .invalidLength) }
                guard to - position >= octets else { throw .malformedDER(offset: start, problem: .truncated) }
                length = 0
                for index in 0..<octets {
                    guard length <= (Int.max >> 8) else { throw .malformedDER(offset: start, problem: .truncated) }
                    length = length << 8 | Int(input[position + index])
                }
                if length < 0x80 || input[position] == 0 { nonMinimal.append(start) }
                position += octets
            }
            guard length <= to - position else { throw .malformedDER(offset: start, problem: .truncated) }
            let index = nodes.count
            nodes.append(Node(start: start, contentStart: position, end: position + length, tag: tag, canonicalContentCount: length))
            if tag & 0x20 != 0 {
                guard depth < DERScanner.maximumDepth else { throw .malformedDER(offset: start, problem: .tooDeep) }
                let childStart = nodes.count
                _ = try measure(input, from: position, to: position + length, depth: depth + 1, elements: nil,
                                into: &nodes, nonMinimal: &nonMinimal)
                // Only direct children count: their canonical sizes already include their own children.
                var canonicalCount = 0
                var child = childStart
                while child < nodes.count {
                    let node = nodes[child]
                    canonicalCount += 1 + lengthOctets(node.canonicalContentCount) + node.canonicalContentCount
                    child = nextSibling(of: child, in: nodes)
                }
                nodes[index].canonicalContentCount = canonicalCount
            }
            position += length
            count += 1
        }
        return position
    }

    /// The index of the node after `index` and all its descendants.
    private static func nextSibling(of index: Int, in nodes: [Node]) -> Int {
        let end = nodes[index].end
        var next = index + 1
        while next < nodes.count && nodes[next].start < end { next += 1 }
        return next
    }

    private static func lengthOctets(_ length: Int) -> Int {
        length < 0x80 ? 1 : 1 + (Int.bitWidth - length.leadingZeroBitCount + 7) / 8
    }

    private static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        guard length >= 0x80 else { bytes.append(UInt8(length)); return }
        let count = lengthOctets(length) - 1
        bytes.append(0x80 | UInt8(count))
        for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(UInt8(truncatingIfNeeded: length >> (index * 8))) }
    }
}
