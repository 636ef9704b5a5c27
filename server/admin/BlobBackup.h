// BlobBackup: attachment files next to a database backup. Complete attachments are content-addressed and never
// change (<data>/blobs/<aa>/<sha256>), so copying them after the database snapshot gives every file the snapshot
// references; `backup --out F` writes them under F.blobs/, and `restore --from F` puts back those missing from
// <data>/blobs. Partial uploads are not copied (the client resumes them). Stateless; not for concurrent use on
// the same target directory.
#pragma once

#include "base/Result.h"

#include <cstddef>
#include <filesystem>

namespace dantoc::server {

// Where the attachments of the backup file `backupFile` live.
std::filesystem::path blobBackupDir(const std::filesystem::path& backupFile);

// Copies every complete attachment file of `fromRoot` that `toRoot` lacks (through a temporary name, so a cut
// copy is never taken for a file). Returns how many were copied; a missing `fromRoot` copies nothing.
Result<std::size_t> copyCompleteBlobs(const std::filesystem::path& fromRoot, const std::filesystem::path& toRoot);

}  // namespace dantoc::server
