#!/bin/sh
set -eu
apt-get update
apt-get install -y --no-install-recommends xfce4 tigervnc-standalone-server tigervnc-tools firefox-esr
useradd --uid 1000 --home-dir /home/researcher researcher
