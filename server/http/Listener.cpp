#include "http/Listener.h"

#include "http/Session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>

namespace dantoc::server {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

Listener::Listener(net::io_context& io, net::ssl::context& tls, std::shared_ptr<ServerState> state)
    : m_io(io), m_tls(tls), m_acceptor(net::make_strand(io)), m_state(std::move(state))
{
}

Status Listener::open(const tcp::endpoint& endpoint)
{
    beast::error_code ec;
    m_acceptor.open(endpoint.protocol(), ec);
    if (!ec) {
        m_acceptor.set_option(net::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        m_acceptor.bind(endpoint, ec);
    }
    if (!ec) {
        m_acceptor.listen(net::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        return Status(ErrorCode::Unavailable, "cannot listen on " + endpoint.address().to_string() + ":" +
                                                  std::to_string(endpoint.port()) + ": " + ec.message());
    }
    return Status::ok();
}

std::uint16_t Listener::port() const
{
    beast::error_code ec;
    const auto endpoint = m_acceptor.local_endpoint(ec);
    return ec ? 0 : endpoint.port();
}

void Listener::run()
{
    net::dispatch(m_acceptor.get_executor(), beast::bind_front_handler(&Listener::doAccept, shared_from_this()));
}

void Listener::close()
{
    net::dispatch(m_acceptor.get_executor(), [self = shared_from_this()] {
        beast::error_code ignored;
        self->m_acceptor.close(ignored);
    });
}

void Listener::doAccept()
{
    if (!m_acceptor.is_open()) {
        return;
    }
    m_acceptor.async_accept(net::make_strand(m_io),
                            beast::bind_front_handler(&Listener::onAccept, shared_from_this()));
}

void Listener::onAccept(beast::error_code ec, tcp::socket socket)
{
    if (ec == net::error::operation_aborted || !m_acceptor.is_open()) {
        return;
    }
    if (!ec) {
        beast::error_code endpointError;
        const auto remote = socket.remote_endpoint(endpointError);
        const std::string address = endpointError ? std::string() : remote.address().to_string();
        const auto active = static_cast<std::size_t>(m_state->metrics->activeSessions());
        if (m_state->stopping ||
            !m_state->connectionsByAddress.tryAdmit(m_state->connectionLimits(), active, address)) {
            beast::error_code ignored;
            socket.close(ignored);  // bounded, per address too: refuse rather than queue without limit
        } else {
            // Small JSON answers must not wait for the peer's delayed ACK (Nagle): about 40 ms per request.
            beast::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            auto session = std::make_shared<Session>(std::move(socket), m_tls, m_state, address);
            m_state->addSession(session);
            session->run();
        }
    }
    doAccept();
}

}  // namespace dantoc::server
