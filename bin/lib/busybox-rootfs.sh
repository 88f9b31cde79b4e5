# Sourced: jc_busybox_rootfs TAR — writes a minimal rootfs tarball made of Debian's busybox-static
# (one static binary, a symlink per applet, /etc/passwd and /etc/group), the offline stand-in for
# Docker Hub's busybox image. Deterministic: same busybox, same bytes.
jc_busybox_rootfs() {
  local tar=$1 dir
  dir=$(mktemp -d)
  mkdir -p "$dir"/bin "$dir"/etc "$dir"/tmp "$dir"/root "$dir"/home "$dir"/var/www "$dir"/proc "$dir"/sys "$dir"/dev
  chmod 1777 "$dir/tmp"
  cp /bin/busybox "$dir/bin/busybox"
  local applet
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -s busybox "$dir/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' > "$dir/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' > "$dir/etc/group"
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$dir" -cf "$tar" .
  rm -rf "$dir"
}

# Makes sure the store of the jcompose at $1 holds busybox:1.36 (the quickstart's and the tests'
# image), imported from Debian's busybox-static when absent.
jc_busybox_image() {
  local jc=$1 tar
  if "$jc" image ls | awk '$1 == "busybox" && $2 == "1.36" {found = 1} END {exit !found}'; then
    return 0
  fi
  tar=$(mktemp --suffix=.tar)
  jc_busybox_rootfs "$tar"
  "$jc" image import --change 'CMD ["sh"]' "$tar" busybox:1.36
  rm -f "$tar"
}
