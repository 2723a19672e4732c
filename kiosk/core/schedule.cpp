// The live programme: now and next per room, the days and their talks, the event-day changes, and
// the words the screens use for them (see schedule.h).
#include "core/schedule.h"

#include <algorithm>
#include <cstdio>

namespace ww {

// [SECTION] One talk

int64_t effectiveStartUtc(const Talk& t) { return t.start_utc + static_cast<int64_t>(t.delay_min) * 60; }
int64_t effectiveEndUtc(const Talk& t) { return t.end_utc + static_cast<int64_t>(t.delay_min) * 60; }
bool isCancelled(const Talk& t) { return t.status == TalkStatus::Cancelled; }
bool isChanged(const Talk& t) { return t.status != TalkStatus::Scheduled; }

bool isRunning(const Talk& t, int64_t now_utc) {
    return !isCancelled(t) && effectiveStartUtc(t) <= now_utc && now_utc < effectiveEndUtc(t);
}

namespace {

constexpr int64_t kDay = 24 * 3600;

int64_t civilDay(const LocalDateTime& t) { return daysFromCivil(t.year, t.month, t.day); }

LocalDateTime dayStart(int64_t civil_day, int hour = 0) {
    LocalDateTime t;
    civilFromDays(civil_day, t.year, t.month, t.day);
    t.hour = hour;
    return t;
}

// Whole minutes from `from` to `to`, rounded up: a countdown never says "in 0 Min." too early.
int minutesCeil(int64_t from, int64_t to) {
    int64_t s = to - from;
    if (s <= 0) return 0;
    return static_cast<int>((s + 59) / 60);
}

} // namespace

// [SECTION] The schedule service

Schedule::Schedule(const Model& model) : model_(&model), zone_(TimeZone::utc()) {
    if (auto z = TimeZone::load(model.event.timezone)) zone_ = *z;

    for (size_t i = 0; i < model.rooms.size(); ++i) room_order_.emplace(model.rooms[i].id, static_cast<int>(i));

    auto first = parseDate(model.event.start_date);
    auto last = parseDate(model.event.end_date);
    if (first && last) {
        // A year of days at most: a typo in end_date must not make a list of thousands.
        for (int64_t d = civilDay(*first); d <= civilDay(*last) && event_days_.size() < 366; ++d) event_days_.push_back(d);
    }

    by_start_.reserve(model.talks.size());
    for (const Talk& t : model.talks) by_start_.push_back(&t);
    std::sort(by_start_.begin(), by_start_.end(), [this](const Talk* a, const Talk* b) {
        int64_t sa = effectiveStartUtc(*a), sb = effectiveStartUtc(*b);
        if (sa != sb) return sa < sb;
        int ra = roomOrder(a->room), rb = roomOrder(b->room);
        if (ra != rb) return ra < rb;
        return a->id < b->id;
    });

    std::vector<int64_t> filed(by_start_.size());
    std::vector<int64_t> all_days = event_days_;
    for (size_t i = 0; i < by_start_.size(); ++i) {
        filed[i] = filedDay(effectiveStartUtc(*by_start_[i]));
        all_days.push_back(filed[i]);
    }
    std::sort(all_days.begin(), all_days.end());
    all_days.erase(std::unique(all_days.begin(), all_days.end()), all_days.end());
    for (int64_t d : all_days) {
        EventDay day;
        day.day = dayStart(d);
        day.date = formatDate(day.day);
        bool prev_is_event = std::binary_search(event_days_.begin(), event_days_.end(), d - 1);
        bool is_event = std::binary_search(event_days_.begin(), event_days_.end(), d);
        day.begin_utc = zone_.toUtc(dayStart(d, prev_is_event ? kDayChangeHour : 0)).utc;
        day.end_utc = zone_.toUtc(dayStart(d + 1, is_event ? kDayChangeHour : 0)).utc;
        days_.push_back(std::move(day));
        day_numbers_.push_back(d);
    }
    day_of_.resize(by_start_.size());
    for (size_t i = 0; i < by_start_.size(); ++i) day_of_[i] = indexOfDay(filed[i]);

    for (const Talk* t : by_start_) {
        by_room_[t->room].push_back(t);
        if (t->status == TalkStatus::Moved && !t->moved_from.empty()) moved_away_[t->moved_from].push_back(t);
        boundaries_.push_back(effectiveStartUtc(*t));
        boundaries_.push_back(effectiveEndUtc(*t));
    }
    std::sort(boundaries_.begin(), boundaries_.end());
    boundaries_.erase(std::unique(boundaries_.begin(), boundaries_.end()), boundaries_.end());
}

int Schedule::roomOrder(const std::string& room_id) const {
    auto it = room_order_.find(room_id);
    return it == room_order_.end() ? static_cast<int>(room_order_.size()) : it->second;
}

int64_t Schedule::filedDay(int64_t utc) const {
    LocalDateTime local = zone_.toLocal(utc);
    int64_t d = civilDay(local);
    if (local.hour < kDayChangeHour && std::binary_search(event_days_.begin(), event_days_.end(), d - 1)) return d - 1;
    return d;
}

int Schedule::indexOfDay(int64_t civil_day) const {
    auto it = std::lower_bound(day_numbers_.begin(), day_numbers_.end(), civil_day);
    if (it == day_numbers_.end() || *it != civil_day) return -1;
    return static_cast<int>(it - day_numbers_.begin());
}

int64_t Schedule::dayWindowEnd(int64_t now_utc) const {
    int64_t d = filedDay(now_utc);
    int i = indexOfDay(d);
    if (i >= 0) return days_[static_cast<size_t>(i)].end_utc;
    bool is_event = std::binary_search(event_days_.begin(), event_days_.end(), d);
    return zone_.toUtc(dayStart(d + 1, is_event ? kDayChangeHour : 0)).utc;
}

int Schedule::dayIndexOf(const Talk& t) const { return indexOfDay(filedDay(effectiveStartUtc(t))); }

int Schedule::dayIndex(const std::string& date) const {
    auto d = parseDate(date);
    return d ? indexOfDay(civilDay(*d)) : -1;
}

DayChoice Schedule::dayToShow(int64_t now_utc) const {
    DayChoice c;
    if (days_.empty()) return c;
    int64_t today = filedDay(now_utc);
    size_t pick = 0;
    if (today < day_numbers_.front()) {
        c.why = DayChoice::Why::BeforeEvent;
        pick = 0;
    } else if (today > day_numbers_.back()) {
        c.why = DayChoice::Why::AfterEvent;
        pick = days_.size() - 1;
    } else {
        auto it = std::lower_bound(day_numbers_.begin(), day_numbers_.end(), today);
        pick = static_cast<size_t>(it - day_numbers_.begin());
        if (*it == today) {
            c.why = DayChoice::Why::Today;
        } else {
            // Between two days: the nearer one, and on a tie the coming one.
            c.why = DayChoice::Why::Between;
            if (pick > 0 && today - day_numbers_[pick - 1] < *it - today) --pick;
        }
    }
    c.index = static_cast<int>(pick);
    c.date = days_[pick].date;
    return c;
}

std::vector<const Talk*> Schedule::talksOn(int day_index) const {
    std::vector<const Talk*> out;
    for (size_t i = 0; i < by_start_.size(); ++i)
        if (day_of_[i] == day_index) out.push_back(by_start_[i]);
    return out;
}

std::vector<const Room*> Schedule::roomsOn(int day_index) const {
    std::vector<int> order;
    for (size_t i = 0; i < by_start_.size(); ++i) {
        if (day_of_[i] != day_index) continue;
        auto it = room_order_.find(by_start_[i]->room);
        if (it != room_order_.end()) order.push_back(it->second);
    }
    std::sort(order.begin(), order.end());
    order.erase(std::unique(order.begin(), order.end()), order.end());
    std::vector<const Room*> out;
    for (int i : order) out.push_back(&model_->rooms[static_cast<size_t>(i)]);
    return out;
}

std::vector<const Talk*> Schedule::changesOn(int day_index) const {
    std::vector<const Talk*> out;
    for (size_t i = 0; i < by_start_.size(); ++i)
        if (day_of_[i] == day_index && isChanged(*by_start_[i])) out.push_back(by_start_[i]);
    return out;
}

RoomNowNext Schedule::nowAndNext(const std::string& room_id, int64_t now_utc) const {
    RoomNowNext r;
    r.room = room_id;
    const int64_t day_end = dayWindowEnd(now_utc);
    auto it = by_room_.find(room_id);
    if (it != by_room_.end()) {
        for (const Talk* t : it->second) {
            if (isCancelled(*t)) continue;
            int64_t s = effectiveStartUtc(*t), e = effectiveEndUtc(*t);
            // Of two talks running at once (a delay pushed one into the next), the one that started
            // last is "now": a long entry such as an all-day open workshop must not hide the talk.
            if (s <= now_utc && now_utc < e) {
                if (!r.now || s >= effectiveStartUtc(*r.now)) r.now = t;
            } else if (s > now_utc && s < day_end && !r.next) {
                r.next = t;
            }
        }
    }
    if (r.now) {
        int64_t s = effectiveStartUtc(*r.now), e = effectiveEndUtc(*r.now);
        // By the minute, like every other time on screen: a bar creeping on by the second would ask an
        // untouched kiosk for a frame every few seconds.
        const int64_t minute = now_utc - ((now_utc % 60) + 60) % 60;
        r.progress = e > s ? std::clamp(static_cast<double>(minute - s) / static_cast<double>(e - s), 0.0, 1.0) : 0.0;
        r.minutes_left = minutesCeil(now_utc, e);
    }
    if (r.next) r.minutes_until_next = minutesCeil(now_utc, effectiveStartUtc(*r.next));

    const int64_t limit = r.next ? effectiveStartUtc(*r.next) : day_end;
    auto notice = [&](const Talk* t) {
        if (effectiveEndUtc(*t) > now_utc && effectiveStartUtc(*t) < limit) r.notices.push_back(t);
    };
    if (it != by_room_.end())
        for (const Talk* t : it->second)
            if (isCancelled(*t)) notice(t);
    auto moved = moved_away_.find(room_id);
    if (moved != moved_away_.end())
        for (const Talk* t : moved->second) notice(t);
    std::stable_sort(r.notices.begin(), r.notices.end(),
                     [](const Talk* a, const Talk* b) { return effectiveStartUtc(*a) < effectiveStartUtc(*b); });
    return r;
}

std::vector<RoomNowNext> Schedule::nowAndNextAll(int64_t now_utc) const {
    std::vector<RoomNowNext> out;
    for (const Room& room : model_->rooms) {
        if (!by_room_.count(room.id) && !moved_away_.count(room.id)) continue;
        RoomNowNext r = nowAndNext(room.id, now_utc);
        if (r.now || r.next || !r.notices.empty()) out.push_back(std::move(r));
    }
    return out;
}

int64_t Schedule::nextBoundary(int64_t now_utc) const {
    auto it = std::upper_bound(boundaries_.begin(), boundaries_.end(), now_utc);
    return it == boundaries_.end() ? 0 : *it;
}

int64_t Schedule::nextChange(int64_t now_utc) const {
    // Floor division, so that instants before 1970 (never in practice) still round the right way.
    int64_t minute = now_utc >= 0 ? now_utc / 60 : -((-now_utc + 59) / 60);
    int64_t next_minute = (minute + 1) * 60;
    int64_t b = nextBoundary(now_utc);
    return (b != 0 && b < next_minute) ? b : next_minute;
}

// [SECTION] Words for the screens

namespace {

const char* const kWeekdaysDe[] = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"};
const char* const kWeekdaysEn[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const kMonthsDe[] = {"Januar", "Februar", "März",     "April",   "Mai",      "Juni",
                                 "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
const char* const kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};

// "12 Min." / "12 min", "1 Std. 5 Min." / "1 h 5 min", "2 Std." / "2 h".
std::string duration(int minutes, Lang lang) {
    const bool de = lang == Lang::De;
    if (minutes < 60) return std::to_string(minutes) + (de ? " Min." : " min");
    std::string s = std::to_string(minutes / 60) + (de ? " Std." : " h");
    if (minutes % 60) s += " " + std::to_string(minutes % 60) + (de ? " Min." : " min");
    return s;
}

std::string clock(const LocalDateTime& t) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour % 100, t.minute % 100);
    return buf;
}

} // namespace

std::string minutesUntilText(int minutes, Lang lang) {
    if (minutes <= 0) return lang == Lang::De ? "jetzt" : "now";
    return "in " + duration(minutes, lang);
}

std::string minutesSinceText(int minutes, Lang lang) {
    if (minutes < 0) minutes = 0;
    return (lang == Lang::De ? "seit " : "for ") + duration(minutes, lang);
}

std::string minutesLeftText(int minutes, Lang lang) {
    if (minutes < 0) minutes = 0;
    return lang == Lang::De ? "noch " + duration(minutes, lang) : duration(minutes, lang) + " left";
}

std::string dayTitle(const LocalDateTime& day, Lang lang) {
    int wd = weekday(day);
    int m = std::clamp(day.month, 1, 12) - 1;
    if (lang == Lang::De)
        return std::string(kWeekdaysDe[wd]) + ", " + std::to_string(day.day) + ". " + kMonthsDe[m];
    return std::string(kWeekdaysEn[wd]) + ", " + std::to_string(day.day) + " " + kMonthsEn[m];
}

std::string talkTimeText(const Talk& t, const TimeZone& zone) {
    return clock(zone.toLocal(effectiveStartUtc(t))) + "\u2013" + clock(zone.toLocal(effectiveEndUtc(t)));
}

std::string statusText(const Talk& t, const Model& model, Lang lang) {
    const bool de = lang == Lang::De;
    std::string late = de ? "beginnt " + duration(t.delay_min, lang) + " später"
                          : "starts " + duration(t.delay_min, lang) + " late";
    switch (t.status) {
    case TalkStatus::Scheduled: return "";
    case TalkStatus::Cancelled: return de ? "Entfällt" : "Cancelled";
    case TalkStatus::Delayed:
        late[0] = de ? 'B' : 'S';
        return late;
    case TalkStatus::Moved: {
        const Room* room = model.room(t.room);
        std::string name = room ? room->name.in(lang) : t.room;
        std::string s = (de ? "Verlegt nach " : "Moved to ") + name;
        if (t.delay_min > 0) s += ", " + late;
        return s;
    }
    }
    return "";
}

std::string dayNote(const Schedule& schedule, const DayChoice& choice, Lang lang) {
    if (choice.index < 0 || choice.isToday()) return "";
    const bool de = lang == Lang::De;
    std::string day = dayTitle(schedule.days()[static_cast<size_t>(choice.index)].day, lang);
    switch (choice.why) {
    case DayChoice::Why::BeforeEvent:
        return de ? "Die Veranstaltung beginnt am " + day + "." : "The event starts on " + day + ".";
    case DayChoice::Why::AfterEvent:
        return de ? "Die Veranstaltung ist vorbei. Programm vom " + day + "."
                  : "The event is over. Programme of " + day + ".";
    case DayChoice::Why::Between:
        return de ? "Heute kein Programm. Programm vom " + day + "." : "No programme today. Programme of " + day + ".";
    default: return "";
    }
}

} // namespace ww
