// Session: one TLS connection. Handshake, then a loop of read header → set the route's body limit → read body →
// dispatch → write, one request at a time (the response "queue" is bounded to one). A timeout is set before every
// async operation. Lives on its own strand; kept alive by shared_from_this in pending handlers.
#pragma once

#include "http/ServerState.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/optional.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>

namespace dantoc::server {

class Session : public std::enable_shared_from_this<Session>
{
public:
    // `remoteAddress`: the peer's address as the listener admitted it (ServerState::connectionsByAddress); the
    // destructor releases it.
    Session(boost::asio::ip::tcp::socket&& socket, boost::asio::ssl::context& tls,
            std::shared_ptr<ServerState> state, std::string remoteAddress);
    ~Session();
    void run();
    // Called at shutdown: closes the connection if it is waiting for a request; a busy one closes after its
    // response.
    void closeIfIdle();

private:
    void onRun();
    void onHandshake(boost::beast::error_code ec);
    void doReadHeader();
    void onReadHeader(boost::beast::error_code ec, std::size_t bytes);
    void onReadBody(boost::beast::error_code ec, std::size_t bytes);
    void handleRequest();
    void finishRequest(ApiResponse api);
    void sendError(int status, const char* code, const char* message, bool close);
    void doWrite();
    void onWrite(bool close, boost::beast::error_code ec, std::size_t bytes);
    void doClose();
    void doLinger();
    void onLinger(boost::beast::error_code ec, std::size_t bytes);
    void onShutdown(boost::beast::error_code ec);

    boost::beast::ssl_stream<boost::beast::tcp_stream> m_stream;
    boost::beast::flat_buffer m_buffer;
    std::shared_ptr<ServerState> m_state;
    boost::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> m_parser;
    std::shared_ptr<boost::beast::http::response<boost::beast::http::string_body>> m_response;
    std::string m_routeName;
    bool m_partialBodyOk = false;  // the route keeps the received part of a body cut short (Route::acceptsPartialBody)
    std::string m_remoteAddress;
    std::chrono::steady_clock::time_point m_requestStart;
    std::atomic<bool> m_idle{false};
    bool m_closing = false;
    bool m_lingerAfterWrite = false;  // the request body was not read: drain some of it before closing
    std::size_t m_lingered = 0;
    std::array<char, 16 * 1024> m_drain{};
};

}  // namespace dantoc::server
