// Benchmark (issue 14): unlock + first main window of dantoc-desk on a store holding 100,000 local submissions
// (goal < 1.5 s on the 2-core reference machine), Argon2id with production parameters included. The store is
// seeded like a real one (demo province units, shipped forms) and generated once under
// $TMPDIR/dantoc-bench-desk-store (pass --regenerate to rebuild it). Prints figures, asserts nothing.
#include "core/StoreFactory.h"
#include "core/SubmissionRepository.h"
#include "core/Transaction.h"
#include "core/UnitRepository.h"
#include "gui/common/Translations.h"
#include "gui/main/MainWindow.h"

#include <QApplication>
#include <QTableView>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

using namespace dantoc;
using namespace dantoc::client;
using Steady = std::chrono::steady_clock;

namespace {

constexpr int kSubmissions = 100000;
constexpr const char* kPassphrase = "bench passphrase for the desk";

double millisSince(Steady::time_point start)
{
    return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

std::string body(int index)
{
    std::string text = "{\"village_name\":\"Thôn số " + std::to_string(index) + "\",\"households\":[";
    for (int row = 0; text.size() < 2900; ++row) {
        text += (row > 0 ? "," : "") + std::string("{\"head\":\"Hộ ông Giàng A ") + std::to_string(row) +
                "\",\"members\":" + std::to_string(1 + (index + row) % 9) + ",\"ethnic\":\"02\"}";
    }
    return text + "]}";
}

bool generate(const std::filesystem::path& dir)
{
    std::filesystem::remove_all(dir);
    const auto start = Steady::now();
    auto store = StoreFactory::create(dir, kPassphrase, DANTOC_RESOURCES_DIR);
    if (!store) {
        std::fprintf(stderr, "create: %s\n", store.status().toString().c_str());
        return false;
    }
    std::vector<std::string> villages;
    if (auto tree = UnitRepository((*store)->connection()).tree()) {
        std::vector<const UnitNode*> stack;
        for (const auto& root : *tree) stack.push_back(&root);
        while (!stack.empty()) {
            const UnitNode* node = stack.back();
            stack.pop_back();
            if (node->unit.level == "village") villages.push_back(node->unit.code);
            for (const auto& child : node->children) stack.push_back(&child);
        }
    }
    if (villages.empty()) {
        std::fprintf(stderr, "no villages in the seeded store\n");
        return false;
    }
    SubmissionRepository submissions((*store)->connection());
    for (int batch = 0; batch < kSubmissions / 1000; ++batch) {
        Transaction transaction((*store)->connection());
        for (int i = batch * 1000; i < (batch + 1) * 1000; ++i) {
            const std::string period = std::to_string(2000 + (i / static_cast<int>(villages.size())) % 26) +
                                       (i % 2 == 0 ? "-H1" : "-H2");
            NewDraft draft{"", "village_survey", 1, villages[static_cast<std::size_t>(i) % villages.size()], period, "",
                           body(i)};
            auto record = submissions.createDraft(draft);
            if (!record) {
                std::fprintf(stderr, "insert: %s\n", record.status().toString().c_str());
                return false;
            }
            if (i % 10 >= 3) {
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
    std::printf("generated %d submissions over %zu villages in %.1f s\n", kSubmissions, villages.size(),
                millisSince(start) / 1000);
    return true;
}

}  // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    gui::Translations::install(QStringLiteral("vi"));
    const auto dir = std::filesystem::temp_directory_path() / "dantoc-bench-desk-store";
    const bool regenerate = argc > 1 && std::strcmp(argv[1], "--regenerate") == 0;
    if (regenerate || !Store::exists(dir)) {
        if (!generate(dir)) {
            return 1;
        }
    }
    for (int run = 0; run < 3; ++run) {
        const auto start = Steady::now();
        auto store = Store::open(dir, kPassphrase);
        const double unlockMs = millisSince(start);
        if (!store) {
            std::fprintf(stderr, "open: %s\n", store.status().toString().c_str());
            return 1;
        }
        const auto windowStart = Steady::now();
        auto window = std::make_unique<gui::MainWindow>(**store, nullptr);
        window->show();
        QApplication::processEvents();
        const double windowMs = millisSince(windowStart);
        const int rows = window->findChild<QTableView*>(QStringLiteral("recordTable"))->model()->rowCount();
        std::printf("run %d: unlock %.1f ms + first window %.1f ms = %.1f ms (goal < 1500), %d records listed\n",
                    run + 1, unlockMs, windowMs, unlockMs + windowMs, rows);
        window.reset();
    }
    return 0;
}
