// The one PEM block a public-key file holds (RFC 7468), read with CertoDER's PEM reader; explanatory
// text around the block is ignored, as OpenSSL does.
import CertoDER

enum PublicKeyPEM {
    enum Problem: Error, CustomStringConvertible {
        case unreadable(PEMError)
        case noBlock
        case severalBlocks(Int)

        var description: String {
            switch self {
            case .unreadable(let error): return error.description
            case .noBlock: return "no PEM block"
            case .severalBlocks(let count): return "\(count) PEM blocks where one was expected"
            }
        }
    }

    static func onlyBlock(_ text: String) throws(Problem) -> PEM.Block {
        let blocks: [PEM.Block]
        do {
            blocks = try PEM.blocks(Array(text.utf8))
        } catch {
            throw .unreadable(error)
        }
        guard let block = blocks.first else { throw .noBlock }
        guard blocks.count == 1 else { throw .severalBlocks(blocks.count) }
        return block
    }
}
