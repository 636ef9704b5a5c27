// SIGKILL a writer process at random points; every save it acknowledged must survive intact.
#include "StoreSupport.h"

#include "helpers/CrashBody.h"

#include "core/SubmissionRepository.h"

#include <csignal>
#include <cstdio>
#include <random>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;

namespace {

struct Acknowledged
{
    std::string id;
    long long index = 0;
};

// Runs the writer until it has acknowledged `stopAfter` saves, waits `delayMicros` more, then SIGKILLs it.
// Returns every save it acknowledged (including lines printed between the decision and the kill).
std::vector<Acknowledged> runAndKill(const std::filesystem::path& dir, long long firstIndex, int stopAfter,
                                     unsigned delayMicros)
{
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    std::string program = DANTOC_STORE_CRASH_WRITER;
    std::string dirArg = dir.string();
    std::string passphrase = "mật khẩu thử nghiệm";
    std::string first = std::to_string(firstIndex);
    char* argv[] = {program.data(), dirArg.data(), passphrase.data(), first.data(), nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    REQUIRE(spawned == 0);

    FILE* out = fdopen(fds[0], "r");
    REQUIRE(out != nullptr);
    std::vector<Acknowledged> acknowledged;
    char line[256];
    bool killed = false;
    while (std::fgets(line, sizeof line, out) != nullptr) {
        char id[64] = {};
        long long index = 0;
        if (std::sscanf(line, "%63s %lld", id, &index) == 2) {
            acknowledged.push_back({id, index});
        }
        if (!killed && static_cast<int>(acknowledged.size()) >= stopAfter) {
            usleep(delayMicros);
            kill(pid, SIGKILL);
            killed = true;
        }
    }
    std::fclose(out);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK_MESSAGE(killed, "the writer stopped by itself (status " << status << ")");
    CHECK(WIFSIGNALED(status));
    return acknowledged;
}

}  // namespace

TEST_CASE("crash: every acknowledged save survives SIGKILL at random points")
{
    TempDir dir;
    std::mt19937 random(20261123);  // fixed seed: reproducible rounds
    std::vector<Acknowledged> all;
    long long nextIndex = 0;
    for (int round = 0; round < 8; ++round) {
        CAPTURE(round);
        const int stopAfter = 1 + static_cast<int>(random() % 40);
        const unsigned delay = random() % 3000;
        auto acknowledged = runAndKill(dir.path(), nextIndex, stopAfter, delay);
        CHECK(static_cast<int>(acknowledged.size()) >= stopAfter);
        for (const auto& ack : acknowledged) {
            nextIndex = std::max(nextIndex, ack.index + 1);
        }
        nextIndex += 1000;  // a save that committed but was not yet printed keeps its index; skip past it
        all.insert(all.end(), acknowledged.begin(), acknowledged.end());

        auto store = test::openStore(dir.path());
        Connection& db = store->connection();
        auto integrity = db.queryText("PRAGMA integrity_check");
        REQUIRE(integrity.isOk());
        CHECK(*integrity == "ok");
        SubmissionRepository submissions(db);
        for (const auto& ack : all) {
            auto record = submissions.get(ack.id);
            REQUIRE_MESSAGE(record.isOk(), "lost acknowledged save " << ack.id);
            CHECK(record->body == test::crashBody(ack.index));
        }
        // each record and its outbox operation were one transaction: never one without the other
        CHECK(*db.queryInt64("SELECT count(*) FROM record") == *db.queryInt64("SELECT count(*) FROM outbox"));
        CHECK(*db.queryInt64("SELECT count(*) FROM record WHERE id NOT IN (SELECT record_id FROM outbox)") == 0);
    }
    CHECK(all.size() >= 8);
}
