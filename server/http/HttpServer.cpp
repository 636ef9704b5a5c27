#include "http/HttpServer.h"

#include "http/Listener.h"
#include "http/Session.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>

#include <csignal>
#include <thread>
#include <vector>

namespace dantoc::server {

namespace net = boost::asio;

struct HttpServer::Impl {
    explicit Impl(Config config, std::shared_ptr<const Router> router, std::shared_ptr<Metrics> metrics)
        : io(static_cast<int>(config.threads)), tls(net::ssl::context::tls_server), signals(io)
    {
        state = std::make_shared<ServerState>();
        state->config = std::move(config);
        state->router = std::move(router);
        state->metrics = std::move(metrics);
        state->workers = std::make_unique<net::thread_pool>(state->config.workerThreads);
    }

    net::io_context io;
    net::ssl::context tls;
    net::signal_set signals;
    std::shared_ptr<ServerState> state;
    std::shared_ptr<Listener> listener;
    std::atomic<bool> stopRequested{false};
};

HttpServer::HttpServer(Config config, std::shared_ptr<const Router> router, std::shared_ptr<Metrics> metrics)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(router), std::move(metrics)))
{
}

HttpServer::~HttpServer() = default;

Status HttpServer::start()
{
    auto& impl = *m_impl;
    const Config& config = impl.state->config;
    boost::system::error_code ec;
    // TLS 1.2 and later only; forward-secret AEAD suites for 1.2 (1.3 suites are all fine).
    impl.tls.set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                             net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
                             net::ssl::context::no_tlsv1_1 | net::ssl::context::single_dh_use,
                         ec);
    SSL_CTX_set_min_proto_version(impl.tls.native_handle(), TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(impl.tls.native_handle(),
                            "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                            "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                            "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305");
    impl.tls.use_certificate_chain_file(config.resolve(config.certificateFile).string(), ec);
    if (ec) {
        return Status(ErrorCode::NotFound, "cannot load the TLS certificate " +
                                               config.resolve(config.certificateFile).string() + ": " + ec.message());
    }
    impl.tls.use_private_key_file(config.resolve(config.privateKeyFile).string(), net::ssl::context::pem, ec);
    if (ec) {
        return Status(ErrorCode::NotFound, "cannot load the TLS private key " +
                                               config.resolve(config.privateKeyFile).string() + ": " + ec.message());
    }
    const auto address = net::ip::make_address(config.bindAddress, ec);
    if (ec) {
        return Status(ErrorCode::InvalidArgument, "bad bind address: " + config.bindAddress);
    }
    impl.listener = std::make_shared<Listener>(impl.io, impl.tls, impl.state);
    if (Status s = impl.listener->open({address, config.port}); !s) {
        return s;
    }
    impl.listener->run();
    return Status::ok();
}

std::uint16_t HttpServer::port() const
{
    return m_impl->listener ? m_impl->listener->port() : 0;
}

void HttpServer::run(bool handleSignals)
{
    auto& impl = *m_impl;
    if (handleSignals) {
        impl.signals.add(SIGINT);
        impl.signals.add(SIGTERM);
        impl.signals.async_wait([this](const boost::system::error_code& ec, int) {
            if (!ec) {
                stop();
            }
        });
    }
    std::vector<std::thread> threads;
    const unsigned extra = impl.state->config.threads > 1 ? impl.state->config.threads - 1 : 0;
    threads.reserve(extra);
    for (unsigned i = 0; i < extra; ++i) {
        threads.emplace_back([&impl] { impl.io.run(); });
    }
    impl.io.run();
    for (auto& t : threads) {
        t.join();
    }
    impl.state->workers->join();
}

void HttpServer::stop()
{
    auto& impl = *m_impl;
    if (impl.stopRequested.exchange(true)) {
        return;
    }
    // Everything below runs on the io threads; the io_context returns from run() once the last session ends.
    net::post(impl.io, [&impl] {
        impl.state->stopping = true;
        boost::system::error_code ignored;
        impl.signals.cancel(ignored);
        if (impl.listener) {
            impl.listener->close();
        }
        for (const auto& session : impl.state->liveSessions()) {
            session->closeIfIdle();
        }
    });
}

}  // namespace dantoc::server
