// Listener: accepts TCP connections and starts a Session for each, on its own strand, until closed. Refuses
// connections beyond Config::maxConnections. Lives as long as an accept is pending.
#pragma once

#include "http/ServerState.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/error.hpp>

#include <memory>

namespace dantoc::server {

class Listener : public std::enable_shared_from_this<Listener>
{
public:
    Listener(boost::asio::io_context& io, boost::asio::ssl::context& tls, std::shared_ptr<ServerState> state);
    Status open(const boost::asio::ip::tcp::endpoint& endpoint);
    std::uint16_t port() const;
    void run();
    void close();  // thread-safe: posted to the acceptor's strand

private:
    void doAccept();
    void onAccept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

    boost::asio::io_context& m_io;
    boost::asio::ssl::context& m_tls;
    boost::asio::ip::tcp::acceptor m_acceptor;
    std::shared_ptr<ServerState> m_state;
};

}  // namespace dantoc::server
