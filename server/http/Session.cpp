#include "http/Session.h"

#include "Log.h"

#include "http/RequestConversion.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <cstdint>
#include <limits>

namespace dantoc::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {
constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kUnknownRouteBodyLimit = 1024;
}  // namespace

Session::Session(net::ip::tcp::socket&& socket, net::ssl::context& tls, std::shared_ptr<ServerState> state,
                 std::string remoteAddress)
    : m_stream(std::move(socket), tls), m_state(std::move(state)), m_remoteAddress(std::move(remoteAddress))
{
    m_state->metrics->sessionOpened();
}

Session::~Session()
{
    m_state->connectionsByAddress.release(m_remoteAddress);  // the listener admitted it under the same address
    m_state->metrics->sessionClosed();
}

void Session::run()
{
    // Run on the session's strand: the socket was created with one by the listener.
    net::dispatch(m_stream.get_executor(), beast::bind_front_handler(&Session::onRun, shared_from_this()));
}

void Session::closeIfIdle()
{
    net::dispatch(m_stream.get_executor(), [self = shared_from_this()] {
        if (self->m_idle) {
            beast::get_lowest_layer(self->m_stream).cancel();
        }
    });
}

void Session::onRun()
{
    beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(m_state->config.handshakeTimeoutSeconds));
    m_stream.async_handshake(net::ssl::stream_base::server,
                             beast::bind_front_handler(&Session::onHandshake, shared_from_this()));
}

void Session::onHandshake(beast::error_code ec)
{
    if (ec) {
        return;  // plain HTTP, old TLS versions, scanners: drop quietly
    }
    doReadHeader();
}

void Session::doReadHeader()
{
    if (m_state->stopping) {
        return doClose();
    }
    m_parser.emplace();
    m_parser->header_limit(kHeaderLimit);
    // The route (and so its limit) is known only once the header is in; Beast would reject a large
    // Content-Length during the header read, so the limit is applied in onReadHeader instead.
    m_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
    m_idle = true;
    beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(m_state->config.idleTimeoutSeconds));
    http::async_read_header(m_stream, m_buffer, *m_parser,
                            beast::bind_front_handler(&Session::onReadHeader, shared_from_this()));
}

void Session::onReadHeader(beast::error_code ec, std::size_t)
{
    m_idle = false;
    if (ec == http::error::end_of_stream) {
        return doClose();
    }
    if (ec == http::error::header_limit) {
        return sendError(431, "header_too_large", "request header too large", true);
    }
    if (ec) {
        return doClose();  // timeout, cancelled at shutdown, reset, or malformed HTTP
    }
    m_requestStart = std::chrono::steady_clock::now();
    if (m_state->stopping) {
        return sendError(503, "shutting_down", "the server is shutting down; retry shortly", true);
    }
    const auto& header = m_parser->get();
    const std::string method(header.method_string());
    const std::string path = decodePath(header.target());
    const Route* route = m_state->router->match(method, path);
    m_routeName = route ? route->name : "unmatched";
    m_partialBodyOk = route && route->acceptsPartialBody;
    const std::size_t limit = route ? route->bodyLimit : kUnknownRouteBodyLimit;
    m_parser->body_limit(limit);
    if (const auto length = m_parser->content_length(); length && *length > limit) {
        m_lingerAfterWrite = true;
        return sendError(413, "body_too_large", "request body exceeds the limit of this endpoint", true);
    }
    if (m_parser->is_done()) {
        return handleRequest();
    }
    beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(m_state->config.readTimeoutSeconds));
    http::async_read(m_stream, m_buffer, *m_parser,
                     beast::bind_front_handler(&Session::onReadBody, shared_from_this()));
}

void Session::onReadBody(beast::error_code ec, std::size_t)
{
    if (ec == http::error::body_limit) {
        m_lingerAfterWrite = true;
        return sendError(413, "body_too_large", "request body exceeds the limit of this endpoint", true);
    }
    if (ec) {
        // A resumable upload keeps what arrived before the cut (sync-protocol.md §8.5): the received part goes to
        // the handler flagged truncated, off the io thread; nobody reads its answer.
        if (m_partialBodyOk && !m_parser->get().body().empty()) {
            ApiRequest partial = toApiRequest(m_parser->get(), m_remoteAddress);
            partial.bodyTruncated = true;
            net::post(*m_state->workers, [state = m_state, partial = std::move(partial)]() mutable {
                (void)state->router->dispatch(std::move(partial));
            });
        }
        return doClose();
    }
    handleRequest();
}

void Session::handleRequest()
{
    m_state->metrics->requestStarted();
    // Handlers may block (Argon2id hashing at login, the store's mutex): they run on the worker pool so the io
    // threads keep serving TLS and timers; the answer comes back to this session's strand. The work guard keeps
    // the io_context running until it has been written, so a graceful stop finishes in-flight requests.
    net::post(*m_state->workers,
              [self = shared_from_this(), work = net::make_work_guard(m_stream.get_executor())]() mutable {
                  ApiResponse api = self->m_state->router->dispatch(
                      toApiRequest(self->m_parser->get(), self->m_remoteAddress));
                  net::post(self->m_stream.get_executor(), [self, api = std::move(api)]() mutable {
                      self->finishRequest(std::move(api));
                  });
                  work.reset();
              });
}

void Session::finishRequest(ApiResponse api)
{
    m_state->metrics->requestFinished();
    const auto& request = m_parser->get();

    const bool close = !request.keep_alive() || m_state->stopping;
    m_response = std::make_shared<http::response<http::string_body>>(toBeastResponse(api, request.version(), close));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_requestStart).count();
    m_state->metrics->recordRequest(m_routeName, api.status, seconds);
    doWrite();
}

void Session::sendError(int status, const char* code, const char* message, bool close)
{
    const unsigned version = m_parser ? m_parser->get().version() : 11;
    ApiResponse api = ApiResponse::error(status, code, message);
    const std::string requestId = log::newRequestId();
    api.headers.emplace_back("X-Request-Id", requestId);
    m_response = std::make_shared<http::response<http::string_body>>(toBeastResponse(api, version, close));
    m_state->metrics->recordRequest(m_routeName.empty() ? "unmatched" : m_routeName, status, 0);
    // Refused by the transport before routing (malformed, too large, shutting down): still one access-log line.
    log::forStatus(status, "request", {{"request_id", requestId},
                          {"route", m_routeName.empty() ? "unmatched" : m_routeName},
                          {"status", status},
                          {"code", code},
                          {"remote", m_remoteAddress}});
    doWrite();
}

void Session::doWrite()
{
    const bool close = m_response->need_eof();
    beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(m_state->config.writeTimeoutSeconds));
    http::async_write(m_stream, *m_response,
                      beast::bind_front_handler(&Session::onWrite, shared_from_this(), close));
}

void Session::onWrite(bool close, beast::error_code ec, std::size_t)
{
    m_response.reset();
    if (!ec && m_lingerAfterWrite) {
        return doLinger();
    }
    if (ec || close) {
        return doClose();
    }
    doReadHeader();
}

// Reads and discards what the client is still sending (up to a bound) so that closing does not reset the
// connection before the client has read our error response (HTTP "lingering close").
void Session::doLinger()
{
    constexpr std::size_t kMaxLingerBytes = 8 * 1024 * 1024;
    if (m_lingered > kMaxLingerBytes) {
        return doClose();
    }
    beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(2));
    m_stream.async_read_some(boost::asio::buffer(m_drain),
                             beast::bind_front_handler(&Session::onLinger, shared_from_this()));
}

void Session::onLinger(beast::error_code ec, std::size_t bytes)
{
    m_lingered += bytes;
    if (ec) {
        return doClose();
    }
    doLinger();
}

void Session::doClose()
{
    if (m_closing) {
        return;
    }
    m_closing = true;
    beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(5));
    m_stream.async_shutdown(beast::bind_front_handler(&Session::onShutdown, shared_from_this()));
}

void Session::onShutdown(beast::error_code)
{
    beast::error_code ignored;
    beast::get_lowest_layer(m_stream).socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(m_stream).close();
}

}  // namespace dantoc::server
