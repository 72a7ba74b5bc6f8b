// Residue256.swift and Residue384.swift are written by Scripts/generate-residues.py; the committed
// files must equal a fresh generation. Needs python3: if it cannot be run the test fails.
import Foundation
import Testing

@Suite("Generated limb code")
struct GeneratedCodeTests {
    @Test func residuesMatchGenerator() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Scripts/generate-residues.py", "--check"]
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "generate-residues.py --check: \(printed)")
    }
}
