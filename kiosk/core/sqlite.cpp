#include "core/sqlite.h"

namespace ww::sql {

namespace {
std::string shortSql(const std::string& sql) {
    std::string s = sql.substr(0, 80);
    for (char& c : s)
        if (c == '\n') c = ' ';
    return sql.size() > 80 ? s + "…" : s;
}
} // namespace

Db::Db(const std::string& path, Mode mode) {
    int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw SqliteError("cannot open database '" + path + "': " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 2000);
}

Db::~Db() { close(); }

Db& Db::operator=(Db&& o) noexcept {
    if (this != &o) {
        close();
        db_ = o.db_;
        o.db_ = nullptr;
    }
    return *this;
}

void Db::close() {
    if (db_) {
        // Statements are RAII-owned and finalized before the Db goes away; close_v2 defers if one leaked.
        sqlite3_close_v2(db_);
        db_ = nullptr;
    }
}

void Db::exec(const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw SqliteError("SQL failed (" + shortSql(sql) + "): " + msg);
    }
}

Stmt Db::prepare(const std::string& sql) { return Stmt(db_, sql); }

int Db::userVersion() {
    Stmt s = prepare("PRAGMA user_version");
    return s.step() ? s.integer(0) : 0;
}

Stmt::Stmt(sqlite3* db, const std::string& sql) : db_(db), sql_(sql) {
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(rc, "prepare");
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

void Stmt::fail(int rc, const char* what) const {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    throw SqliteError(std::string("SQL ") + what + " failed (" + shortSql(sql_) + "): " + msg);
}

Stmt& Stmt::bind(int i, const std::string& v) {
    int rc = sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}
Stmt& Stmt::bind(int i, const char* v) { return bind(i, std::string(v ? v : "")); }
Stmt& Stmt::bind(int i, int64_t v) {
    int rc = sqlite3_bind_int64(stmt_, i, v);
    if (rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}
Stmt& Stmt::bind(int i, double v) {
    int rc = sqlite3_bind_double(stmt_, i, v);
    if (rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}
Stmt& Stmt::bindBlob(int i, const void* data, size_t size) {
    int rc = sqlite3_bind_blob64(stmt_, i, data, size, SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}
Stmt& Stmt::bindNull(int i) {
    int rc = sqlite3_bind_null(stmt_, i);
    if (rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}

bool Stmt::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(rc, "step");
}

void Stmt::run() {
    while (step()) {
    }
    reset();
}

void Stmt::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Stmt::text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    int n = sqlite3_column_bytes(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(n)) : std::string();
}
int64_t Stmt::int64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::real(int col) const { return sqlite3_column_double(stmt_, col); }
bool Stmt::isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::vector<uint8_t> Stmt::blob(int col) const {
    const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, col));
    int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::vector<uint8_t>(p, p + n) : std::vector<uint8_t>();
}

Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
        }
    }
}
void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace ww::sql
