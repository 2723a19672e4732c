// Thin RAII wrappers around sqlite3* and sqlite3_stmt*. Every return code is checked; a failure
// throws SqliteError naming the statement and SQLite's own message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace ww::sql {

struct SqliteError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Stmt;

class Db {
public:
    enum class Mode { ReadOnly, ReadWriteCreate };
    Db() = default;
    Db(const std::string& path, Mode mode);
    ~Db();
    Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
    Db& operator=(Db&& o) noexcept;
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(const std::string& sql);
    Stmt prepare(const std::string& sql);
    int userVersion();
    sqlite3* handle() const { return db_; }
    bool isOpen() const { return db_ != nullptr; }
    void close();

private:
    sqlite3* db_ = nullptr;
};

class Stmt {
public:
    Stmt(sqlite3* db, const std::string& sql);
    ~Stmt();
    Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_), sql_(std::move(o.sql_)) { o.stmt_ = nullptr; }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    // Bind by 1-based index; chainable.
    Stmt& bind(int i, const std::string& v);
    Stmt& bind(int i, const char* v);
    Stmt& bind(int i, int64_t v);
    Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
    Stmt& bind(int i, double v);
    Stmt& bindBlob(int i, const void* data, size_t size);
    Stmt& bindNull(int i);

    // True while there is a row to read; false when done.
    bool step();
    // Runs a statement that returns no rows, then resets it for the next use.
    void run();
    void reset();

    std::string text(int col) const;
    int64_t int64(int col) const;
    int integer(int col) const { return static_cast<int>(int64(col)); }
    double real(int col) const;
    std::vector<uint8_t> blob(int col) const;
    bool isNull(int col) const;

private:
    [[noreturn]] void fail(int rc, const char* what) const;
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

// Commits on commit(); rolls back if destroyed before.
class Transaction {
public:
    explicit Transaction(Db& db);
    ~Transaction();
    void commit();

private:
    Db& db_;
    bool done_ = false;
};

} // namespace ww::sql
