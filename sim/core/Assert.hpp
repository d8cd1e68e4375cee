// An assertion for broken invariants that stays on in release builds.
#pragma once

#include "sim/guards/Assert.hpp"
