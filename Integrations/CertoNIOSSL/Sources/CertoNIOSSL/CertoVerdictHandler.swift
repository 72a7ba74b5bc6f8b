// Sits right after NIO's TLS handler, one per connection, and turns Certo's verdict into what the
// application sees: the `verdict` future, a CertoVerificationEvent, and a refusal's CertoTLSError in
// place of BoringSSL's opaque handshake error. It is also the gate: writes are held here until the
// handshake has completed with a chain Certo verified, and are failed (never sent) otherwise, so an
// application that writes as soon as the channel is active still sends nothing to a refused peer.
// A handshake that completes without Certo's verdict (a resumed session, a pre-shared key) is closed.
import Certo
import NIOCore
import NIOTLS

public final class CertoVerdictHandler: ChannelDuplexHandler, RemovableChannelHandler {
    public typealias InboundIn = NIOAny
    public typealias InboundOut = NIOAny
    public typealias OutboundIn = NIOAny
    public typealias OutboundOut = NIOAny

    private enum State {
        /// The handshake is running and Certo has not been asked yet.
        case awaitingVerdict
        /// Certo has answered; the handshake is still running.
        case judged(Result<VerifiedChain, CertoTLSError>)
        /// Final: the handshake completed with the chain Certo verified.
        case verified(VerifiedChain)
        /// Final: the connection is not to be used.
        case failed(CertoTLSError)
    }

    private var state = State.awaitingVerdict
    private let promise: EventLoopPromise<VerifiedChain>
    private var heldWrites: [(NIOAny, EventLoopPromise<Void>?)] = []
    private var flushRequested = false

    /// Succeeds once the handshake has completed with a chain Certo verified; fails with a
    /// CertoTLSError otherwise (`.refused` carrying Certo's VerificationError when Certo said no).
    public var verdict: EventLoopFuture<VerifiedChain> { promise.futureResult }

    init(eventLoop: any EventLoop) {
        promise = eventLoop.makePromise(of: VerifiedChain.self)
    }

    /// Certo's answer, from the verification callback (on the event loop, inside NIO's TLS handler:
    /// nothing is fired from here). A failure, once recorded, is never replaced.
    func record(_ verdict: Result<VerifiedChain, CertoTLSError>) {
        switch state {
        case .awaitingVerdict, .judged(.success):
            state = .judged(verdict)
        case .judged(.failure), .verified, .failed:
            break
        }
    }

    // MARK: Inbound

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let tlsEvent = event as? TLSUserEvent, case .handshakeCompleted = tlsEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        switch state {
        case .judged(.success(let chain)):
            state = .verified(chain)
            let writes = heldWrites
            heldWrites = []
            for (data, writePromise) in writes { context.write(data, promise: writePromise) }
            if flushRequested { context.flush() }
            context.fireUserInboundEventTriggered(CertoVerificationEvent.verified(chain))
            context.fireUserInboundEventTriggered(event)
            promise.succeed(chain)
        case .awaitingVerdict:
            fail(.completedWithoutVerification, context: context)
            context.close(promise: nil)
        case .judged(.failure(let error)):
            // BoringSSL aborts a handshake whose callback answered `.failed`; should it ever not, the
            // connection still ends here.
            fail(error, context: context)
            context.close(promise: nil)
        case .verified, .failed:
            context.fireUserInboundEventTriggered(event)
        }
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Nothing a peer sends reaches the application unless Certo verified that peer.
        guard case .verified = state else { return }
        context.fireChannelRead(data)
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch state {
        case .judged(.failure(let refusal)):
            fail(refusal, context: context)
            context.fireErrorCaught(refusal)
        case .awaitingVerdict, .judged(.success):
            fail(.handshakeFailed(error), context: context)
            context.fireErrorCaught(error)
        case .verified, .failed:
            context.fireErrorCaught(error)
        }
    }

    public func channelInactive(context: ChannelHandlerContext) {
        switch state {
        case .judged(.failure(let refusal)): fail(refusal, context: context)
        case .awaitingVerdict, .judged(.success): fail(.closedBeforeHandshake, context: context)
        case .verified, .failed: break
        }
        context.fireChannelInactive()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        switch state {
        case .awaitingVerdict, .judged:
            state = .failed(.closedBeforeHandshake)
            failHeldWrites(.closedBeforeHandshake)
            promise.fail(CertoTLSError.closedBeforeHandshake)
        case .verified, .failed:
            break
        }
    }

    // MARK: Outbound

    public func write(context: ChannelHandlerContext, data: NIOAny, promise writePromise: EventLoopPromise<Void>?) {
        switch state {
        case .verified: context.write(data, promise: writePromise)
        case .failed(let error): writePromise?.fail(error)
        case .awaitingVerdict, .judged: heldWrites.append((data, writePromise))
        }
    }

    public func flush(context: ChannelHandlerContext) {
        switch state {
        case .verified: context.flush()
        case .failed: break
        case .awaitingVerdict, .judged: flushRequested = true
        }
    }

    // MARK: Failing

    private func fail(_ error: CertoTLSError, context: ChannelHandlerContext) {
        state = .failed(error)
        failHeldWrites(error)
        context.fireUserInboundEventTriggered(CertoVerificationEvent.refused(error))
        promise.fail(error)
    }

    private func failHeldWrites(_ error: CertoTLSError) {
        let writes = heldWrites
        heldWrites = []
        for (_, writePromise) in writes { writePromise?.fail(error) }
    }
}
