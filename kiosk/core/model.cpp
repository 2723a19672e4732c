// Lookups and the stable names of the model's enumerations.
#include "core/model.h"

#include <algorithm>

namespace ww {

namespace {

template <typename T>
const T* findById(const std::vector<T>& items, const std::string& id) {
    for (const T& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

template <typename E, size_t N>
std::optional<E> fromNames(const char* const (&names)[N], const std::string& s) {
    for (size_t i = 0; i < N; ++i)
        if (s == names[i]) return static_cast<E>(i);
    return std::nullopt;
}

template <size_t N>
std::string joinNames(const char* const (&names)[N]) {
    std::string out;
    for (size_t i = 0; i < N; ++i) {
        if (i) out += ", ";
        out += names[i];
    }
    return out;
}

// Order matches the enumerations in model.h.
const char* const kRoomKinds[] = {"hall", "room", "stage", "lounge", "foyer", "service"};
const char* const kPoiTypes[] = {"toilet",   "accessible-toilet", "lift",      "stairs",   "escalator",
                                 "exit",     "info-desk",         "cloakroom", "catering", "first-aid"};
const char* const kConnectorTypes[] = {"stairs", "lift", "escalator"};
const char* const kTalkKinds[] = {"talk", "keynote", "impulse", "panel", "workshop", "break"};
const char* const kTalkStatuses[] = {"scheduled", "delayed", "cancelled", "moved"};

} // namespace

const Level* Model::level(const std::string& id) const { return findById(levels, id); }
const Room* Model::room(const std::string& id) const { return findById(rooms, id); }
const Stand* Model::stand(const std::string& id) const { return findById(stands, id); }
const Poi* Model::poi(const std::string& id) const { return findById(pois, id); }
const Kiosk* Model::kiosk(const std::string& id) const { return findById(kiosks, id); }
const Topic* Model::topic(const std::string& id) const { return findById(topics, id); }
const Exhibitor* Model::exhibitor(const std::string& id) const { return findById(exhibitors, id); }
const Talk* Model::talk(const std::string& id) const { return findById(talks, id); }
const Gallery* Model::gallery(const std::string& id) const { return findById(galleries, id); }
const Photo* Model::photo(const std::string& id) const { return findById(photos, id); }

const Exhibitor* Model::exhibitorAtStand(const std::string& stand_id) const {
    for (const Exhibitor& e : exhibitors)
        if (std::find(e.stands.begin(), e.stands.end(), stand_id) != e.stands.end()) return &e;
    return nullptr;
}

std::vector<const Photo*> Model::photosOf(const std::string& gallery_id) const {
    std::vector<const Photo*> out;
    for (const Photo& p : photos)
        if (p.gallery == gallery_id) out.push_back(&p);
    return out;
}

const char* toString(RoomKind k) { return kRoomKinds[static_cast<int>(k)]; }
const char* toString(PoiType t) { return kPoiTypes[static_cast<int>(t)]; }
const char* toString(ConnectorType t) { return kConnectorTypes[static_cast<int>(t)]; }
const char* toString(TalkKind k) { return kTalkKinds[static_cast<int>(k)]; }
const char* toString(TalkStatus s) { return kTalkStatuses[static_cast<int>(s)]; }
std::optional<TalkStatus> talkStatusFromString(const std::string& s) {
    return fromNames<TalkStatus>(kTalkStatuses, s);
}
std::optional<RoomKind> roomKindFromString(const std::string& s) { return fromNames<RoomKind>(kRoomKinds, s); }
std::optional<PoiType> poiTypeFromString(const std::string& s) { return fromNames<PoiType>(kPoiTypes, s); }
std::optional<ConnectorType> connectorTypeFromString(const std::string& s) {
    return fromNames<ConnectorType>(kConnectorTypes, s);
}
std::optional<TalkKind> talkKindFromString(const std::string& s) { return fromNames<TalkKind>(kTalkKinds, s); }
std::string allPoiTypes() { return joinNames(kPoiTypes); }
std::string allRoomKinds() { return joinNames(kRoomKinds); }
std::string allTalkKinds() { return joinNames(kTalkKinds); }

} // namespace ww
