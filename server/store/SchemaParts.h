// The parts of the server schema (version 2) owned by the component stores; SqliteStore::migrate() runs them in
// this order inside its migration transaction. Each is defined next to the store that uses those tables.
#pragma once

namespace dantoc::server {

extern const char* const kRecordSchemaV2;   // SqliteRecordStore.cpp: devices, records, ops, change log, conflicts
extern const char* const kBlobSchemaV2;     // SqliteBlobStore.cpp: attachments
extern const char* const kCatalogSchemaV2;  // SqliteCatalogStore.cpp: form templates, catalogs, periods

}  // namespace dantoc::server
