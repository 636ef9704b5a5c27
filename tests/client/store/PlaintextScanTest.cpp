#include "StoreSupport.h"

#include "core/AppLog.h"
#include "core/AttachmentStore.h"
#include "core/AuditRepository.h"
#include "core/ReviewCommentRepository.h"
#include "core/SubmissionRepository.h"

#include "support/Files.h"

#include <QString>

#include <random>

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;

namespace {

std::string utf16(const std::string& utf8, bool bigEndian)
{
    const QString text = QString::fromStdString(utf8);
    std::string out;
    for (QChar c : text) {
        const auto unit = c.unicode();
        const char hi = static_cast<char>(unit >> 8);
        const char lo = static_cast<char>(unit & 0xff);
        out += bigEndian ? std::string{hi, lo} : std::string{lo, hi};
    }
    return out;
}

// Every file under `root`, every needle in UTF-8, UTF-16LE and UTF-16BE: the list of (file, needle) found.
std::vector<std::string> scan(const std::filesystem::path& root, const std::vector<std::string>& needles,
                              int* filesScanned)
{
    std::vector<std::string> found;
    *filesScanned = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        ++*filesScanned;
        const std::string bytes = test::readFile(entry.path());
        for (const auto& needle : needles) {
            for (const auto& form : {needle, utf16(needle, false), utf16(needle, true)}) {
                if (bytes.find(form) != std::string::npos) {
                    found.push_back(entry.path().filename().string() + ": " + needle);
                }
            }
        }
    }
    return found;
}

}  // namespace

TEST_CASE("no plaintext survey value reaches any file of the data directory, open (WAL) or closed")
{
    std::random_device device;
    std::mt19937_64 random(device());
    const std::string tag = std::to_string(random() % 1000000000ULL);
    const std::string name = "Giàng Thị Mỷ-" + tag;
    const std::string number = std::to_string(100000000 + random() % 800000000ULL);
    const std::vector<std::string> needles = {name, "Mỷ-" + tag, number};

    TempDir dir;
    {
        auto store = test::createStore(dir.path());
        Connection& db = store->connection();
        SubmissionRepository submissions(db);
        auto record = submissions.createDraft(
            {"", "household", 1, "xa-pa-vi", "2026", "commune",
             "{\"chu_ho\":\"" + name + "\",\"so_nhan_khau\":" + number + "}"});
        REQUIRE(record.isOk());
        // autosave of a draft
        REQUIRE(submissions.saveDraftBody(record->id, "{\"chu_ho\":\"" + name + "\",\"ghi_chu\":\"" + number + "\"}"));
        // an attachment (a scan mentioning the name)
        AttachmentStore attachments(db, store->attachmentsPath());
        std::string scanBytes(300 * 1024, 'x');
        scanBytes.replace(1000, name.size(), name);
        scanBytes.replace(200000, number.size(), number);
        auto blob = attachments.importBytes(scanBytes);
        REQUIRE(blob.isOk());
        // a log line through the app's logging function, and a Qt warning routed to it
        AppLog log(db);
        AppLog::install(&log);
        logMessage(LogLevel::Error, "validation failed for " + name + " (" + number + ")");
        qWarning("household %s", name.c_str());
        AppLog::install(nullptr);
        REQUIRE(log.recent(10).isOk());
        CHECK(log.recent(10)->back().find(name) != std::string::npos);
        // reviewer comment and local audit
        REQUIRE(ReviewCommentRepository(db).add({"", record->id, "chu_ho", "", "reviewer", "Kiểm tra " + name, 0,
                                                 std::nullopt, std::nullopt})
                    .isOk());
        REQUIRE(AuditRepository(db).append("enumerator", "edit", record->id, name).isOk());

        CHECK(std::filesystem::exists(dir / (std::string(Store::kDatabaseFile) + "-wal")));
        int files = 0;
        const auto found = scan(dir.path(), needles, &files);
        CHECK(files >= 4);  // db, wal, shm, header, attachment
        CHECK_MESSAGE(found.empty(), (found.empty() ? std::string() : found.front()));
    }
    int files = 0;
    const auto found = scan(dir.path(), needles, &files);
    CHECK(files >= 3);
    CHECK_MESSAGE(found.empty(), (found.empty() ? std::string() : found.front()));

    // and the values are really there, behind the key
    auto store = test::openStore(dir.path());
    auto count = store->connection().queryInt64("SELECT count(*) FROM record WHERE body LIKE '%" + tag + "%'");
    REQUIRE(count.isOk());
    CHECK(*count == 1);
}

TEST_CASE("the scanner itself finds a planted value in each encoding")
{
    TempDir dir;
    const std::string name = "Giàng Thị Mỷ-canary";
    for (bool big : {false, true}) {
        test::writeFile(dir / "plain.txt", "xx" + utf16(name, big) + "yy");
        int files = 0;
        CHECK(scan(dir.path(), {name}, &files).size() == 1);
    }
    test::writeFile(dir / "plain.txt", name);
    int files = 0;
    CHECK(scan(dir.path(), {name}, &files).size() == 1);
}
