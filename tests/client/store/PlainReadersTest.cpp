#include "StoreSupport.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <cstdio>

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;

namespace {

std::string run(const std::string& command)
{
    std::string output;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 256> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) {
        output += buffer.data();
    }
    pclose(pipe);
    return output;
}

}  // namespace

TEST_CASE("the store file is unreadable by plain SQLite: Qt's QSQLITE and the sqlite3 shell")
{
    test::ensureQtApp();
    TempDir dir;
    {
        auto store = test::createStore(dir.path());
        REQUIRE(store->connection().exec("INSERT INTO units(code, name) VALUES('1', 'Xã Pả Vi')"));
    }
    const auto path = dir / Store::kDatabaseFile;

    SUBCASE("QSQLITE")
    {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
            MESSAGE("QSQLITE plugin not installed; skipped");
            return;
        }
        {
            QSqlDatabase plain = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
            plain.setDatabaseName(QString::fromStdString(path.string()));
            plain.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (plain.open()) {
                QSqlQuery query(plain);
                CHECK_FALSE(query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")));
                INFO(query.lastError().text().toStdString());
                CHECK(query.lastError().text().contains(QStringLiteral("is not a database")));
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("plain"));
    }
    SUBCASE("sqlite3 shell (a separate process: really plain SQLite)")
    {
        if (!std::filesystem::exists("/usr/bin/sqlite3")) {
            MESSAGE("sqlite3 shell not installed; skipped");
            return;
        }
        const std::string output =
            run("/usr/bin/sqlite3 -readonly '" + path.string() + "' 'SELECT count(*) FROM sqlite_master' 2>&1");
        CHECK(output.find("file is not a database") != std::string::npos);
    }
}
