#include "core/store.h"
