# Debian package of the kafkalint binary: `cmake --build build --target package` (see packaging/README.md).
set(CPACK_PACKAGE_NAME "kafkalint")
set(CPACK_PACKAGE_VENDOR "kafkalint maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "kafkalint maintainers")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Runtime libraries come from Debian; let dpkg-shlibdeps compute the exact dependencies.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# librdkafka is loaded with dlopen for live audits (src/load/live/rdkafka_api.hpp), which
# dpkg-shlibdeps cannot see: named here.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "librdkafka1 (>= 2.0.2)")
set(CPACK_STRIP_FILES ON)
include(CPack)
