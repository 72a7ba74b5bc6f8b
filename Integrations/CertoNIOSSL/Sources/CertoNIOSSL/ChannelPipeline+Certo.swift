// The usual way in: inside a bootstrap's channel initializer, one call adds NIO's TLS handler with
// Certo's callback and the verdict handler behind it, and returns the connection's verdict.
import Certo
import NIOCore

extension ChannelPipeline.SynchronousOperations {
    /// Adds TLS to a client connection, verified by Certo, at the end of the pipeline (call it before
    /// adding the protocol's own handlers). The future succeeds with the verified chain once the
    /// handshake completes, or fails with a CertoTLSError; writes made before then are held, and
    /// failed unless it succeeds.
    @discardableResult
    public func addCertoTLSClientHandlers(_ client: CertoTLSClient) throws -> EventLoopFuture<VerifiedChain> {
        let handlers = try client.makeHandlers(on: eventLoop)
        try addHandler(handlers.tls)
        try addHandler(handlers.verdict)
        return handlers.verdict.verdict
    }

    /// Adds TLS to an accepted connection, with the client's certificate required and verified by
    /// Certo (purpose client). The future is the connection's verdict, as for a client.
    @discardableResult
    public func addCertoTLSServerHandlers(_ server: CertoTLSServer) throws -> EventLoopFuture<VerifiedChain> {
        let handlers = server.makeHandlers(on: eventLoop)
        try addHandler(handlers.tls)
        try addHandler(handlers.verdict)
        return handlers.verdict.verdict
    }
}
