// Benchmark: unlock (Argon2id with production parameters) and open an encrypted store holding 100,000
// submissions (~3 KB bodies), then list one commune's drafts (first page of 50). Prints figures, asserts nothing.
// The store is generated once under $TMPDIR/dantoc-bench-client-store-v2 (pass --regenerate to rebuild it).
#include "core/KeyDerivation.h"
#include "core/Store.h"
#include "core/SubmissionRepository.h"
#include "core/Transaction.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

using namespace dantoc;
using namespace dantoc::client;
using Steady = std::chrono::steady_clock;

namespace {

constexpr int kSubmissions = 100000;
constexpr int kCommunes = 200;
constexpr const char* kPassphrase = "bench passphrase";

double millisSince(Steady::time_point start)
{
    return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

std::string body(int index)
{
    std::string text = "{\"chu_ho\":\"Hộ số " + std::to_string(index) + "\",\"dan_toc\":\"H'Mông\",\"rows\":[";
    for (int row = 0; text.size() < 2900; ++row) {
        text += (row > 0 ? "," : "") + std::string("{\"ho_ten\":\"Thành viên ") + std::to_string(row) +
                "\",\"nam_sinh\":" + std::to_string(1950 + (index + row) % 70) + ",\"gioi_tinh\":\"nữ\"}";
    }
    return text + "]}";
}

bool generate(const std::filesystem::path& dir)
{
    std::filesystem::remove_all(dir);
    const auto start = Steady::now();
    auto store = Store::create(dir, kPassphrase);
    if (!store) {
        std::fprintf(stderr, "create: %s\n", store.status().toString().c_str());
        return false;
    }
    SubmissionRepository submissions((*store)->connection());
    for (int batch = 0; batch < kSubmissions / 1000; ++batch) {
        Transaction transaction((*store)->connection());
        for (int i = batch * 1000; i < (batch + 1) * 1000; ++i) {
            NewDraft draft{"", "household", 1, "xa-" + std::to_string(i % kCommunes), i % 3 == 0 ? "2025" : "2026",
                           "commune", body(i)};
            auto record = submissions.createDraft(draft);
            if (!record) {
                std::fprintf(stderr, "insert: %s\n", record.status().toString().c_str());
                return false;
            }
            if ((i / kCommunes) % 10 >= 3) {  // 70 % of each commune already submitted
                PulledVersion submitted = PulledVersion::of(*record);
                submitted.state = "submitted";
                submitted.serverVersion = 1;
                (void)submissions.storePulled(submitted);
            }
        }
        if (!transaction.commit()) {
            return false;
        }
    }
    std::printf("generated %d submissions in %.1f s (%.1f MB on disk)\n", kSubmissions, millisSince(start) / 1000,
                static_cast<double>(std::filesystem::file_size(dir / Store::kDatabaseFile)) / 1e6);
    return true;
}

}  // namespace

int main(int argc, char** argv)
{
    const auto dir = std::filesystem::temp_directory_path() / "dantoc-bench-client-store-v2";
    const bool regenerate = argc > 1 && std::strcmp(argv[1], "--regenerate") == 0;
    if (regenerate || !Store::exists(dir)) {
        if (!generate(dir)) {
            return 1;
        }
    }
    const auto params = KdfParams::production();
    std::printf("Argon2id: opslimit %llu, memlimit %llu MiB\n", static_cast<unsigned long long>(params.opsLimit),
                static_cast<unsigned long long>(params.memLimit >> 20));

    auto start = Steady::now();
    auto key = deriveKey(kPassphrase, randomSalt(), params);
    const double kdfMs = millisSince(start);
    if (!key) {
        std::fprintf(stderr, "kdf: %s\n", key.status().toString().c_str());
        return 1;
    }
    std::printf("key derivation alone:             %8.1f ms\n", kdfMs);

    start = Steady::now();
    auto store = Store::open(dir, kPassphrase);
    const double openMs = millisSince(start);
    if (!store) {
        std::fprintf(stderr, "open: %s\n", store.status().toString().c_str());
        return 1;
    }
    std::printf("unlock + open (KDF, key check):   %8.1f ms\n", openMs);

    SubmissionRepository submissions((*store)->connection());
    for (int run = 0; run < 3; ++run) {
        start = Steady::now();
        auto page = submissions.list({"xa-17", std::nullopt, std::string("draft"), 50, 0});
        const double listMs = millisSince(start);
        if (!page) {
            std::fprintf(stderr, "list: %s\n", page.status().toString().c_str());
            return 1;
        }
        std::printf("list a commune's drafts (%s): %8.2f ms, %zu rows\n", run == 0 ? "first page, cold" : "first page, warm",
                    listMs, page->size());
    }
    start = Steady::now();
    auto one = submissions.list({"xa-17", std::string("2026"), std::string("draft"), 50, 0});
    std::printf("list drafts of one period:        %8.2f ms, %zu rows\n", millisSince(start), one ? one->size() : 0);
    start = Steady::now();
    auto count = (*store)->connection().queryInt64("SELECT count(*) FROM record");
    std::printf("count(*) over all records:        %8.1f ms (%lld)\n", millisSince(start),
                count ? static_cast<long long>(*count) : -1LL);
    return 0;
}
