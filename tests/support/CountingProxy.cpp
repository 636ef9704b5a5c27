#include "support/CountingProxy.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <functional>

namespace dantoc::test {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

class CountingProxy::Impl
{
public:
    explicit Impl(CountingProxy& proxy) : owner(proxy), acceptor(io) {}

    CountingProxy& owner;
    asio::io_context io;
    tcp::acceptor acceptor;
    std::uint16_t targetPort = 0;
    std::uint64_t nextConnectionId = 1;

    void accept();
    void count(ProxyDirection direction, std::size_t bytes)
    {
        (direction == ProxyDirection::Up ? owner.m_up : owner.m_down) += bytes;
    }
};

namespace {

// One relayed connection: two pumps (up and down) sharing both sockets. Lives as long as a pump holds it.
class Session : public std::enable_shared_from_this<Session>
{
public:
    Session(CountingProxy::Impl& proxy, tcp::socket client, std::uint64_t id, std::shared_ptr<ProxyPolicy> policy)
        : m_proxy(proxy), m_client(std::move(client)), m_server(proxy.io), m_id(id), m_policy(std::move(policy))
    {
    }

    void start()
    {
        const tcp::endpoint target(asio::ip::address_v4::loopback(), m_proxy.targetPort);
        m_server.async_connect(target, [self = shared_from_this()](const boost::system::error_code& error) {
            if (error) {
                self->closeBoth();
                return;
            }
            // Latency matters more than throughput here: TLS records are small and the proxy must not add delay.
            boost::system::error_code ignored;
            self->m_client.set_option(tcp::no_delay(true), ignored);
            self->m_server.set_option(tcp::no_delay(true), ignored);
            self->m_pumps[0].direction = ProxyDirection::Up;
            self->m_pumps[1].direction = ProxyDirection::Down;
            self->read(self->m_pumps[0]);
            self->read(self->m_pumps[1]);
        });
    }

private:
    struct Pump
    {
        ProxyDirection direction = ProxyDirection::Up;
        std::array<char, 16 * 1024> buffer{};
        std::uint64_t forwarded = 0;
        std::unique_ptr<asio::steady_timer> timer;
    };

    tcp::socket& from(const Pump& p) { return p.direction == ProxyDirection::Up ? m_client : m_server; }
    tcp::socket& to(const Pump& p) { return p.direction == ProxyDirection::Up ? m_server : m_client; }

    void read(Pump& pump)
    {
        from(pump).async_read_some(asio::buffer(pump.buffer),
                                   [self = shared_from_this(), &pump](const boost::system::error_code& error,
                                                                      std::size_t size) {
                                       if (error) {
                                           self->finish(pump, error);
                                           return;
                                       }
                                       self->decide(pump, size);
                                   });
    }

    void decide(Pump& pump, std::size_t size)
    {
        const ProxyDecision decision = m_policy->onChunk(m_id, pump.direction, pump.forwarded, size);
        const std::size_t forward = decision.cut ? std::min(size, decision.forwardBytes) : size;
        auto send = [self = shared_from_this(), &pump, forward, cut = decision.cut] {
            self->write(pump, forward, cut);
        };
        if (decision.delay.count() > 0) {
            pump.timer = std::make_unique<asio::steady_timer>(m_proxy.io, decision.delay);
            pump.timer->async_wait([send](const boost::system::error_code&) { send(); });
        } else {
            send();
        }
    }

    void write(Pump& pump, std::size_t size, bool cutAfter)
    {
        if (size == 0) {
            if (cutAfter) {
                closeBoth();
            } else {
                read(pump);
            }
            return;
        }
        asio::async_write(to(pump), asio::buffer(pump.buffer.data(), size),
                          [self = shared_from_this(), &pump, cutAfter](const boost::system::error_code& error,
                                                                        std::size_t written) {
                              pump.forwarded += written;
                              self->m_proxy.count(pump.direction, written);
                              if (error || cutAfter) {
                                  self->closeBoth();
                                  return;
                              }
                              self->read(pump);
                          });
    }

    // EOF on one side is passed on as a half-close, so an HTTP peer that shuts down its sending side still gets
    // the answer; any other error drops both sides.
    void finish(Pump& pump, const boost::system::error_code& error)
    {
        boost::system::error_code ignored;
        if (error == asio::error::eof) {
            to(pump).shutdown(tcp::socket::shutdown_send, ignored);
            if (++m_finished == 2) {
                closeBoth();
            }
            return;
        }
        closeBoth();
    }

    void closeBoth()
    {
        boost::system::error_code ignored;
        m_client.close(ignored);
        m_server.close(ignored);
    }

    CountingProxy::Impl& m_proxy;
    tcp::socket m_client;
    tcp::socket m_server;
    std::uint64_t m_id;
    std::shared_ptr<ProxyPolicy> m_policy;
    std::array<Pump, 2> m_pumps;
    int m_finished = 0;
};

}  // namespace

void CountingProxy::Impl::accept()
{
    acceptor.async_accept([this](const boost::system::error_code& error, tcp::socket socket) {
        if (error) {
            return;  // the acceptor was closed (shutdown) or failed: stop accepting
        }
        ++owner.m_connections;
        std::make_shared<Session>(*this, std::move(socket), nextConnectionId++, owner.policy())->start();
        accept();
    });
}

CountingProxy::CountingProxy(std::uint16_t targetPort)
    : m_impl(std::make_unique<Impl>(*this)), m_policy(std::make_shared<ProxyPolicy>())
{
    m_impl->targetPort = targetPort;
    boost::system::error_code error;
    const tcp::endpoint local(asio::ip::address_v4::loopback(), 0);
    m_impl->acceptor.open(local.protocol(), error);
    if (!error) {
        m_impl->acceptor.bind(local, error);
    }
    if (!error) {
        m_impl->acceptor.listen(asio::socket_base::max_listen_connections, error);
    }
    if (error) {
        return;  // started() stays false
    }
    m_port = m_impl->acceptor.local_endpoint().port();
    m_impl->accept();
    m_thread = std::thread([this] { m_impl->io.run(); });
}

CountingProxy::~CountingProxy()
{
    m_impl->io.stop();  // pending handlers (and the sessions they hold) are destroyed with the io_context
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void CountingProxy::setPolicy(std::shared_ptr<ProxyPolicy> policy)
{
    std::lock_guard lock(m_policyMutex);
    m_policy = policy ? std::move(policy) : std::make_shared<ProxyPolicy>();
}

std::shared_ptr<ProxyPolicy> CountingProxy::policy() const
{
    std::lock_guard lock(m_policyMutex);
    return m_policy;
}

}  // namespace dantoc::test
