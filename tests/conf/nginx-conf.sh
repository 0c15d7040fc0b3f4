#!/bin/sh
# nginx-conf: the production server block passes `nginx -t`, with a
# throw-away certificate in place of the real one.
echo "1..2"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/logs"
if openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=ticheng.test \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" >/dev/null 2>&1; then
	echo "ok 1 - nginx-conf-test-certificate-made"
else
	echo "not ok 1 - nginx-conf-test-certificate-made"
fi
sed -e "s|/etc/ssl/certs/ticheng.pem|$tmp/cert.pem|" \
    -e "s|/etc/ssl/private/ticheng.key|$tmp/key.pem|" \
    -e "s|/usr/local/share/ticheng|$tmp/share|" \
    "$top_srcdir/conf/nginx-ticheng.conf" >"$tmp/site.conf"
cat >"$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log;
events { }
http {
	include /etc/nginx/mime.types;
	access_log off;
	client_body_temp_path $tmp/body;
	fastcgi_temp_path $tmp/fastcgi;
	proxy_temp_path $tmp/proxy;
	uwsgi_temp_path $tmp/uwsgi;
	scgi_temp_path $tmp/scgi;
	include $tmp/site.conf;
}
CONF
# fastcgi_params is included relative to the configuration's folder.
cp /etc/nginx/fastcgi_params "$tmp/fastcgi_params"
if out=$(nginx -t -p "$tmp" -c "$tmp/nginx.conf" -e "$tmp/logs/error.log" 2>&1); then
	echo "ok 2 - nginx-production-config-passes-nginx-t"
else
	echo "not ok 2 - nginx-production-config-passes-nginx-t"
	echo "$out" | sed 's/^/# /'
fi
