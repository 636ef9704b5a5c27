#include "StoreSupport.h"

#include "core/SubmissionRepository.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QSqlRecord>
#include <QSqlTableModel>

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;

TEST_CASE("QSqlQueryModel over the SQLCipher driver shows the rows")
{
    test::ensureQtApp();
    TempDir dir;
    auto store = test::createStore(dir.path());
    SubmissionRepository submissions(store->connection());
    for (int i = 0; i < 300; ++i) {
        NewDraft draft{"", "village-report", 1, "xa-sin-cheng", "2026", "commune",
                       "{\"so_ho\":" + std::to_string(i) + "}"};
        REQUIRE(submissions.createDraft(draft).isOk());
    }
    QSqlDatabase db = store->qtDatabase(QStringLiteral("model-test"));
    REQUIRE(db.isOpen());
    QSqlQueryModel model;
    model.setQuery(QStringLiteral("SELECT id, unit, state, body FROM record ORDER BY body"), db);
    REQUIRE_MESSAGE(!model.lastError().isValid(), model.lastError().text().toStdString());
    while (model.canFetchMore()) {
        model.fetchMore();
    }
    CHECK(model.rowCount() == 300);
    CHECK(model.columnCount() == 4);
    CHECK(model.record().fieldName(1) == QStringLiteral("unit"));
    CHECK(model.data(model.index(0, 1)).toString() == QStringLiteral("xa-sin-cheng"));
    CHECK(model.data(model.index(299, 2)).toString() == QStringLiteral("draft"));
    // random access backwards works (rows are cached)
    CHECK(model.data(model.index(5, 3)).toString().startsWith(QStringLiteral("{\"so_ho\":")));
}

TEST_CASE("QSqlTableModel edits through the driver (record, primaryIndex, escapeIdentifier, transactions)")
{
    test::ensureQtApp();
    TempDir dir;
    auto store = test::createStore(dir.path());
    QSqlDatabase db = store->qtDatabase(QStringLiteral("table-test"));
    CHECK(db.tables().contains(QStringLiteral("units")));
    CHECK(db.tables().contains(QStringLiteral("record")));
    CHECK_FALSE(db.tables().contains(QStringLiteral("sqlite_master")));
    CHECK(db.primaryIndex(QStringLiteral("form_templates")).count() == 2);
    CHECK(db.record(QStringLiteral("units")).count() == 6);  // code, name, level, parent, valid_from, valid_to
    CHECK(db.driver()->escapeIdentifier(QStringLiteral("a\"b"), QSqlDriver::FieldName) == QStringLiteral("\"a\"\"b\""));

    QSqlTableModel model(nullptr, db);
    model.setTable(QStringLiteral("units"));
    model.setEditStrategy(QSqlTableModel::OnManualSubmit);
    REQUIRE(model.select());
    QSqlRecord row = model.record();
    row.setValue(QStringLiteral("code"), QStringLiteral("02158"));
    row.setValue(QStringLiteral("name"), QStringLiteral("Xã Sín Chéng"));
    row.setValue(QStringLiteral("level"), QStringLiteral("xã"));
    REQUIRE(model.insertRecord(-1, row));
    REQUIRE_MESSAGE(model.submitAll(), model.lastError().text().toStdString());
    REQUIRE(model.select());
    REQUIRE(model.rowCount() == 1);
    REQUIRE(model.setData(model.index(0, 1), QStringLiteral("Xã Sín Chéng (mới)")));
    REQUIRE_MESSAGE(model.submitAll(), model.lastError().text().toStdString());
    CHECK(*store->connection().queryText("SELECT name FROM units WHERE code = '02158'") == "Xã Sín Chéng (mới)");

    REQUIRE(db.transaction());
    QSqlQuery query(db);
    REQUIRE(query.exec(QStringLiteral("DELETE FROM units")));
    CHECK(query.numRowsAffected() == 1);
    REQUIRE(db.rollback());
    CHECK(*store->connection().queryInt64("SELECT count(*) FROM units") == 1);
}

TEST_CASE("QSqlQuery prepared statements: positional, named, repeated names, Vietnamese, lastInsertId")
{
    test::ensureQtApp();
    TempDir dir;
    auto store = test::createStore(dir.path());
    QSqlDatabase db = store->qtDatabase(QStringLiteral("prepared-test"));
    QSqlQuery query(db);
    const QString name = QStringLiteral("Hoàng Thị Dung — người Tày, bản Nà Hẩu");

    REQUIRE(query.prepare(QStringLiteral("INSERT INTO audit_log(at, actor, action, detail) VALUES(?, ?, ?, ?)")));
    query.addBindValue(1700000000000LL);
    query.addBindValue(name);
    query.addBindValue(QStringLiteral("edit"));
    query.addBindValue(QVariant());  // NULL
    REQUIRE_MESSAGE(query.exec(), query.lastError().text().toStdString());
    const QVariant firstId = query.lastInsertId();
    CHECK(firstId.toLongLong() == 1);

    REQUIRE(query.prepare(
        QStringLiteral("INSERT INTO audit_log(at, actor, action, detail) VALUES(:at, :who, :what, :who)")));
    query.bindValue(QStringLiteral(":what"), QStringLiteral("approve"));
    query.bindValue(QStringLiteral(":who"), name);
    query.bindValue(QStringLiteral(":at"), 1700000000001LL);
    REQUIRE_MESSAGE(query.exec(), query.lastError().text().toStdString());
    CHECK(query.lastInsertId().toLongLong() == 2);

    REQUIRE(query.prepare(QStringLiteral("SELECT actor, detail, at FROM audit_log WHERE actor = :who ORDER BY id")));
    query.bindValue(QStringLiteral(":who"), name);
    REQUIRE(query.exec());
    REQUIRE(query.next());
    CHECK(query.value(0).toString() == name);
    CHECK(query.value(1).isNull());
    CHECK(query.value(2).toLongLong() == 1700000000000LL);
    REQUIRE(query.next());
    CHECK(query.value(1).toString() == name);
    CHECK_FALSE(query.next());

    // errors surface as QSqlError, not crashes
    CHECK_FALSE(query.exec(QStringLiteral("SELECT * FROM no_such_table")));
    CHECK(query.lastError().isValid());
}
