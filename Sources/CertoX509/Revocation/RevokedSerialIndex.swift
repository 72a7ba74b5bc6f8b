// The revoked entries of a CRL sorted once, at parse, by (certificate issuer, serial number), so that
// a lookup is a binary search however long the CRL is, and a serial revoked twice by the same issuer
// (two dates, two reasons: ambiguous) is found as two neighbours. An indirect CRL (§5.2.5) may list
// the same serial for different issuers; their entries fall in different issuer groups. Each entry's
// sort key holds its group, the serial's length and its first eight octets, so the sort and the
// search compare integers and look at the serial's bytes only when those tie.

struct RevokedSerialIndex: Sendable {
    /// The distinct certificateIssuer values of the entries; group g > 0 is `issuers[g - 1]`, group 0
    /// is the CRL's own issuer.
    let issuers: [[GeneralName]]
    /// One per entry, in (group, serial) order.
    private let keys: [Key]

    /// The first entry that repeats an earlier (issuer, serial) pair, if any.
    let duplicate: Int?

    private struct Key {
        let group: Int32
        let count: Int32
        let head: UInt64
        let index: Int32

        init(group: Int32, serial: ArraySlice<UInt8>, index: Int32) {
            self.group = group
            count = Int32(truncatingIfNeeded: serial.count)
            var head: UInt64 = 0
            for (position, byte) in serial.prefix(8).enumerated() { head |= UInt64(byte) << (56 - 8 * position) }
            self.head = head
            self.index = index
        }

        /// Whether the integer parts alone order `self` before `other` (nil: they tie).
        func precedes(_ other: Key) -> Bool? {
            if group != other.group { return group < other.group }
            if count != other.count { return count < other.count }
            if head != other.head { return head < other.head }
            return nil
        }
    }

    init(_ entries: [RevokedCertificate]) {
        var issuers: [[GeneralName]] = []
        var groupOf: [[GeneralName]: Int32] = [:]
        var keys: [Key] = []
        keys.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            var group: Int32 = 0
            if let names = entry.effectiveIssuer {
                if let known = groupOf[names] {
                    group = known
                } else {
                    issuers.append(names)
                    group = Int32(issuers.count)
                    groupOf[names] = group
                }
            }
            keys.append(Key(group: group, serial: entry.serialNumber, index: Int32(index)))
        }
        keys.withUnsafeMutableBufferPointer { buffer in
            buffer.sort { a, b in a.precedes(b) ?? false }
            // Runs that tie on the integers (serials longer than eight octets agreeing on the first
            // eight, or duplicates) are ordered by their bytes.
            var start = 0
            while start < buffer.count {
                var end = start + 1
                while end < buffer.count, buffer[end].precedes(buffer[start]) == nil && buffer[start].precedes(buffer[end]) == nil { end += 1 }
                if end - start > 1 && buffer[start].count > 8 {
                    buffer[start..<end].sort {
                        entries[Int($0.index)].serialNumber.lexicographicallyPrecedes(entries[Int($1.index)].serialNumber)
                    }
                }
                start = end
            }
        }
        var duplicate: Int?
        for i in keys.indices.dropFirst() where keys[i - 1].precedes(keys[i]) == nil {
            let a = Int(keys[i - 1].index), b = Int(keys[i].index)
            if keys[i].count <= 8 || entries[a].serialNumber.elementsEqual(entries[b].serialNumber) {
                let later = max(a, b)
                if duplicate == nil || later < duplicate! { duplicate = later }
            }
        }
        self.issuers = issuers
        self.keys = keys
        self.duplicate = duplicate
    }

    /// The index of the entry for `serial` in `group`, by binary search.
    func entry(in entries: [RevokedCertificate], serial: ArraySlice<UInt8>, group: Int32) -> Int? {
        let probe = Key(group: group, serial: serial, index: -1)
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            let candidate = keys[middle]
            let before = candidate.precedes(probe)
                ?? (probe.count > 8 && entries[Int(candidate.index)].serialNumber.lexicographicallyPrecedes(serial))
            if before { low = middle + 1 } else { high = middle }
        }
        // The first key not before the probe: equal integer parts, then (past eight octets) equal bytes.
        var position = low
        while position < keys.count, keys[position].precedes(probe) == nil {
            let found = Int(keys[position].index)
            if entries[found].serialNumber.elementsEqual(serial) { return found }
            if probe.count <= 8 { return nil }
            position += 1
        }
        return nil
    }
}
