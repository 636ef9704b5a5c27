#include "tls/SelfSignedCertificate.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <memory>

namespace dantoc::server {

namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

std::string bioToString(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(size));
}

bool addExtension(X509* cert, int nid, const std::string& value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (!ext) {
        return false;
    }
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

}  // namespace

Result<PemPair> makeSelfSignedCertificate(const std::vector<std::string>& extraHostNames, int validDays)
{
    PkeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        return Status(ErrorCode::Internal, "cannot generate an EC P-256 key");
    }
    X509Ptr cert(X509_new());
    if (!cert) {
        return Status(ErrorCode::Internal, "cannot allocate a certificate");
    }
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7F;  // positive
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60 * 60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(validDays) * 24 * 60 * 60);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("dantoc"), -1, -1,
                               0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("dantoc-server"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    std::string san = "DNS:localhost,IP:127.0.0.1,IP:::1";
    for (const auto& host : extraHostNames) {
        if (host.find_first_of(",\n\r") != std::string::npos || host.empty()) {
            return Status(ErrorCode::InvalidArgument, "bad host name for the certificate: " + host);
        }
        san += (host.find_first_not_of("0123456789.:") == std::string::npos ? ",IP:" : ",DNS:") + host;
    }
    if (!addExtension(cert.get(), NID_subject_alt_name, san) ||
        !addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(cert.get(), NID_ext_key_usage, "serverAuth")) {
        return Status(ErrorCode::Internal, "cannot add certificate extensions");
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
        return Status(ErrorCode::Internal, "cannot sign the certificate");
    }
    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_X509(certBio.get(), cert.get()) ||
        !PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)) {
        return Status(ErrorCode::Internal, "cannot encode PEM");
    }
    return PemPair{bioToString(certBio.get()), bioToString(keyBio.get())};
}

Status writePemPair(const PemPair& pair, const std::filesystem::path& certificateFile,
                    const std::filesystem::path& privateKeyFile)
{
    std::error_code ec;
    std::filesystem::create_directories(certificateFile.parent_path(), ec);
    std::filesystem::create_directories(privateKeyFile.parent_path(), ec);
    {
        std::ofstream key(privateKeyFile, std::ios::binary | std::ios::trunc);
        std::filesystem::permissions(privateKeyFile, std::filesystem::perms::owner_read |
                                                         std::filesystem::perms::owner_write,
                                     ec);
        key << pair.privateKeyPem;
        if (!key.flush()) {
            return Status(ErrorCode::IoError, "cannot write " + privateKeyFile.string());
        }
    }
    std::ofstream cert(certificateFile, std::ios::binary | std::ios::trunc);
    cert << pair.certificatePem;
    if (!cert.flush()) {
        return Status(ErrorCode::IoError, "cannot write " + certificateFile.string());
    }
    return Status::ok();
}

std::string fingerprintOfDer(const unsigned char* der, std::size_t size)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(der, size, digest);
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
        if (i) {
            out += ':';
        }
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0xF];
    }
    return out;
}

Result<std::string> certificateFingerprint(const std::string& certificatePem)
{
    BioPtr bio(BIO_new_mem_buf(certificatePem.data(), static_cast<int>(certificatePem.size())));
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert) {
        return Status(ErrorCode::InvalidArgument, "not a PEM certificate");
    }
    unsigned char* der = nullptr;
    const int len = i2d_X509(cert.get(), &der);
    if (len <= 0) {
        return Status(ErrorCode::Internal, "cannot encode the certificate");
    }
    std::string fp = fingerprintOfDer(der, static_cast<std::size_t>(len));
    OPENSSL_free(der);
    return fp;
}

}  // namespace dantoc::server
