#!/usr/bin/env bash
# Signs, packs and notarises the macOS app built by PyInstaller into a .dmg.
# Signing and notarisation run only when their identity is in the environment:
#   MACOS_SIGN_IDENTITY  "Developer ID Application: Name (TEAMID)"  -> codesign with the hardened runtime
#   MACOS_NOTARY_PROFILE a keychain profile stored with `xcrun notarytool store-credentials`  -> notarise + staple
set -euo pipefail
cd "$(dirname "$0")/../.."

app_name=$(python packaging/appinfo.py APP_NAME)
version=$(python packaging/appinfo.py VERSION)
app="dist/${app_name}.app"
dmg="dist/PrivacyReviewDesk-${version}-macos.dmg"

[ -d "$app" ] || { echo "error: $app not found; run packaging/build.py first" >&2; exit 1; }

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    echo "Signing $app as $MACOS_SIGN_IDENTITY"
    codesign --force --deep --timestamp --options runtime \
        --entitlements packaging/macos/entitlements.plist \
        --sign "$MACOS_SIGN_IDENTITY" "$app"
    codesign --verify --strict --verbose=2 "$app"
else
    echo "MACOS_SIGN_IDENTITY not set: the app is not signed (fine for testing, not for release)"
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "$app_name" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi
if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    echo "Notarising $dmg"
    xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
else
    echo "MACOS_NOTARY_PROFILE not set: the dmg is not notarised"
fi
echo "$dmg"
