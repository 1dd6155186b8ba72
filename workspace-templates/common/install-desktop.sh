#!/bin/sh
# Installs the desktop that linux-desktop and linux-desktop-gpu share, on Debian 12 (linux-desktop) or Ubuntu 22.04
# (NVIDIA's CUDA runtime images, linux-desktop-gpu). Build time only, as root; the Containerfile deletes it and then
# removes every package source, so nothing can be installed once the image runs.
set -eu
: "${RSTUDIO_VERSION:?pass --build-arg RSTUDIO_VERSION}"
: "${RSTUDIO_SHA256:?pass --build-arg RSTUDIO_SHA256 (the SHA-256 that Posit publishes for this RStudio build)}"
: "${JUPYTERLAB_VERSION:?pass --build-arg JUPYTERLAB_VERSION}"

. /etc/os-release
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
    ca-certificates curl gnupg locales dbus-x11 xauth fonts-dejavu \
    xfce4 xfce4-terminal mousepad \
    tigervnc-standalone-server tigervnc-tools \
    r-base r-base-dev python3 python3-venv python3-pip

case "$ID" in
  debian)
    apt-get install -y --no-install-recommends firefox-esr
    ;;
  ubuntu)
    # Ubuntu ships Firefox as a snap, which cannot run in a container; Mozilla's own APT repository has the ESR.
    install -d -m 0755 /etc/apt/keyrings
    curl -fsSL -o /etc/apt/keyrings/packages.mozilla.org.asc https://packages.mozilla.org/apt/repo-signing-key.gpg
    gpg -n -q --import --import-options import-show /etc/apt/keyrings/packages.mozilla.org.asc \
        | grep -q 35BAA0B33E9EB396F59CA838C0BA5CE6DC6315A3
    echo "deb [signed-by=/etc/apt/keyrings/packages.mozilla.org.asc] https://packages.mozilla.org/apt mozilla main" \
        > /etc/apt/sources.list.d/mozilla.list
    printf 'Package: *\nPin: origin packages.mozilla.org\nPin-Priority: 1000\n' > /etc/apt/preferences.d/mozilla
    apt-get update
    apt-get install -y --no-install-recommends firefox-esr
    ;;
  *)
    echo "install-desktop.sh: unsupported base image '$ID' (Debian 12 or Ubuntu 22.04 only)" >&2
    exit 1
    ;;
esac

# RStudio Desktop is not in the distributions: Posit's build for Ubuntu 22.04 and Debian 12, checked against the
# SHA-256 given at build time before it is installed.
curl -fsSL -o /tmp/rstudio.deb \
    "https://download1.rstudio.org/electron/jammy/amd64/rstudio-${RSTUDIO_VERSION}-amd64.deb"
echo "${RSTUDIO_SHA256}  /tmp/rstudio.deb" | sha256sum -c -
apt-get install -y --no-install-recommends /tmp/rstudio.deb
rm -f /tmp/rstudio.deb

python3 -m venv /opt/jupyter
/opt/jupyter/bin/pip install --no-cache-dir "jupyterlab==${JUPYTERLAB_VERSION}"

# Download tools are build-time only: the desktop reaches package mirrors through R and pip, nothing else.
apt-get purge -y curl gnupg
apt-get autoremove -y
apt-get clean

sed -i 's/^# *\(en_GB.UTF-8\|fr_FR.UTF-8\|en_US.UTF-8\)/\1/' /etc/locale.gen
locale-gen
# D-Bus (and so the XFCE session) needs a machine id, and the root filesystem is read-only at run time.
dbus-uuidgen --ensure=/etc/machine-id

groupadd --gid 1000 researcher
useradd --uid 1000 --gid 1000 --home-dir /home/researcher --no-create-home --shell /bin/bash researcher
# Mount points: the pod mounts the home volume, the share, the outbox and the datasets over these.
install -d -o 1000 -g 1000 -m 0700 /home/researcher
install -d -m 0755 /share /outbox /data
