// The parts of the server schema (versions 2 and 3) owned by the component stores; SqliteStore::migrate() runs them in
// this order inside its migration transaction. Each is defined next to the store that uses those tables.
#pragma once

namespace dantoc::server {

extern const char* const kRecordSchemaV2;   // SqliteRecordStore.cpp: devices, records, ops, change log, conflicts
extern const char* const kBlobSchemaV2;     // SqliteBlobStore.cpp: attachments
extern const char* const kCatalogSchemaV2;  // SqliteCatalogStore.cpp: form templates, catalogs, periods
// Version 3: the sync engine's real tables replace kRecordSchemaV2's placeholders (never written).
extern const char* const kRecordSchemaV3;   // SqliteRecordStore.cpp
extern const char* const kBlobSchemaV4;     // SqliteBlobStore.cpp: blob_file + per-account blob_upload replace `blob`
// Created if missing at every open (SqliteStore::open), like the unit history: no schema version of its own.
extern const char* const kCatalogMetaSchema;  // SqliteCatalogStore.cpp: the forms/periods generation counter

}  // namespace dantoc::server
