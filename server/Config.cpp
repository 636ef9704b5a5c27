#include "Config.h"

#include "base/Clock.h"
#include "base/Json.h"

#include <fstream>
#include <sstream>

namespace dantoc::server {

namespace {

template <typename T>
Status readNumber(const Json& doc, const char* key, T& out, T min, T max)
{
    const Json* v = jsonMember(doc, key);
    if (!v) {
        return Status::ok();
    }
    if (!v->is_number_integer() && !v->is_number_unsigned()) {
        return Status(ErrorCode::InvalidArgument, std::string("config: \"") + key + "\" must be an integer");
    }
    const auto value = v->get<long long>();
    if (value < static_cast<long long>(min) || value > static_cast<long long>(max)) {
        return Status(ErrorCode::InvalidArgument, std::string("config: \"") + key + "\" out of range");
    }
    out = static_cast<T>(value);
    return Status::ok();
}

Status readString(const Json& doc, const char* key, std::string& out)
{
    const Json* v = jsonMember(doc, key);
    if (!v) {
        return Status::ok();
    }
    if (!v->is_string()) {
        return Status(ErrorCode::InvalidArgument, std::string("config: \"") + key + "\" must be a string");
    }
    out = v->get<std::string>();
    return Status::ok();
}

Status readBool(const Json& doc, const char* key, bool& out)
{
    const Json* v = jsonMember(doc, key);
    if (!v) {
        return Status::ok();
    }
    if (!v->is_boolean()) {
        return Status(ErrorCode::InvalidArgument, std::string("config: \"") + key + "\" must be true or false");
    }
    out = v->get<bool>();
    return Status::ok();
}

}  // namespace

Result<Config> Config::load(const std::filesystem::path& dataDir)
{
    Config config;
    config.dataDir = dataDir;
    const auto file = dataDir / "config.json";
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return Status(ErrorCode::NotFound, "no config.json in " + dataDir.string() + " (run `dantoc-server init`)");
    }
    std::stringstream text;
    text << in.rdbuf();
    auto doc = parseJson(text.str(), JsonLimits{1 << 20, 16});
    if (!doc) {
        return Status(ErrorCode::InvalidArgument, file.string() + ": " + doc.status().message());
    }
    if (!doc->is_object()) {
        return Status(ErrorCode::InvalidArgument, file.string() + ": must be a JSON object");
    }
    std::string cert = config.certificateFile.string();
    std::string key = config.privateKeyFile.string();
    std::string resources = config.resourcesDir.string();
    for (Status s : {readString(*doc, "bind", config.bindAddress),
                     readNumber<std::uint16_t>(*doc, "port", config.port, 0, 65535),
                     readNumber<unsigned>(*doc, "threads", config.threads, 1, 256),
                     readNumber<unsigned>(*doc, "worker_threads", config.workerThreads, 1, 256),
                     readString(*doc, "certificate", cert), readString(*doc, "private_key", key),
                     readNumber<std::size_t>(*doc, "max_connections", config.maxConnections, 1, 1'000'000),
                     readNumber<std::size_t>(*doc, "max_connections_per_address", config.maxConnectionsPerAddress,
                                             1, 1'000'000),
                     readNumber<std::size_t>(*doc, "reserved_connections", config.reservedConnections, 0,
                                             1'000'000),
                     readNumber<int>(*doc, "handshake_timeout_s", config.handshakeTimeoutSeconds, 1, 3600),
                     readNumber<int>(*doc, "read_timeout_s", config.readTimeoutSeconds, 1, 3600),
                     readNumber<int>(*doc, "write_timeout_s", config.writeTimeoutSeconds, 1, 3600),
                     readNumber<int>(*doc, "idle_timeout_s", config.idleTimeoutSeconds, 1, 86400),
                     readBool(*doc, "metrics_loopback_only", config.metricsFromLoopbackOnly),
                     readNumber<std::int64_t>(*doc, "login_backoff_base_ms", config.loginBackoffBaseMillis, 1,
                                              3'600'000),
                     readNumber<unsigned>(*doc, "password_hash_ops", config.passwordHashOpsLimit, 1, 20),
                     readNumber<std::size_t>(*doc, "password_hash_mem", config.passwordHashMemLimit, 8192,
                                             std::size_t{4} << 30),
                     readBool(*doc, "enable_test_routes", config.enableTestRoutes),
                     readString(*doc, "resources_dir", resources), readString(*doc, "as_of", config.asOf)}) {
        if (!s) {
            return Status(s.code(), file.string() + ": " + s.message());
        }
    }
    if (!config.asOf.empty() && !PinnedDateClock::dayOf(config.asOf)) {
        return Status(ErrorCode::InvalidArgument,
                      file.string() + ": \"as_of\" must be a date YYYY-MM-DD, not \"" + config.asOf + "\"");
    }
    config.certificateFile = cert;
    config.privateKeyFile = key;
    config.resourcesDir = resources;
    return config;
}

std::shared_ptr<const Clock> Config::clock() const
{
    const Clock& system = SystemClock::instance();
    if (auto day = PinnedDateClock::dayOf(asOf)) {
        return std::make_shared<PinnedDateClock>(system, *day);
    }
    return std::shared_ptr<const Clock>(&system, [](const Clock*) {});
}

std::string Config::toJson() const
{
    Json doc = {{"bind", bindAddress},
                {"port", port},
                {"threads", threads},
                {"worker_threads", workerThreads},
                {"certificate", certificateFile.string()},
                {"private_key", privateKeyFile.string()},
                {"max_connections", maxConnections},
                {"max_connections_per_address", maxConnectionsPerAddress},
                {"reserved_connections", reservedConnections},
                {"handshake_timeout_s", handshakeTimeoutSeconds},
                {"read_timeout_s", readTimeoutSeconds},
                {"write_timeout_s", writeTimeoutSeconds},
                {"idle_timeout_s", idleTimeoutSeconds},
                {"metrics_loopback_only", metricsFromLoopbackOnly},
                {"login_backoff_base_ms", loginBackoffBaseMillis},
                {"password_hash_ops", passwordHashOpsLimit},
                {"password_hash_mem", passwordHashMemLimit},
                {"enable_test_routes", enableTestRoutes}};
    if (!asOf.empty()) {
        doc["as_of"] = asOf;
    }
    return doc.dump(2) + "\n";
}

Status Config::save() const
{
    const auto file = dataDir / "config.json";
    const auto temp = dataDir / "config.json.tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << toJson();
        if (!out.flush()) {
            return Status(ErrorCode::IoError, "cannot write " + temp.string());
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp, file, ec);
    if (ec) {
        return Status(ErrorCode::IoError, "cannot rename " + temp.string() + ": " + ec.message());
    }
    return Status::ok();
}

}  // namespace dantoc::server
