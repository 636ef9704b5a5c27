// Runs the `dantoc` binary (DANTOC_CLI) as a process for the client-sync integration tests: a fixed store
// passphrase, the repository's resources, stdin empty, extra environment per call. Test-only; not
// thread-safe.
#pragma once

#ifdef DANTOC_CLI

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <map>
#include <string>

namespace dantoc::test::client_sync {

struct Run
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline Run dantocCli(const QStringList& args, const std::map<QString, std::string>& env)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DANTOC_PASSPHRASE", "DANTOC_PASSWORD", "DANTOC_NEW_PASSWORD"}) {
        environment.remove(QString::fromLatin1(name));
    }
    environment.insert(QStringLiteral("DANTOC_RESOURCES"), QStringLiteral(DANTOC_RESOURCES_DIR));
    environment.insert(QStringLiteral("DANTOC_PASSPHRASE"), QStringLiteral("mật khẩu kho CLI"));
    for (const auto& [name, value] : env) {
        environment.insert(name, QString::fromStdString(value));
    }
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(DANTOC_CLI), args);
    Run run;
    if (!process.waitForFinished(180'000)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput().toStdString();
    run.err = process.readAllStandardError().toStdString();
    return run;
}

} // namespace dantoc::test::client_sync

#endif
