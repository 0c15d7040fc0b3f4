/* code.c: the verification code of a statement and its QR code
 * (settlement.h). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/hmac.h>
#include <qrencode.h>

#include "core/error.h"
#include "core/strbuf.h"
#include "settlement/settlement.h"

int
settlement_verify_code(const char *secret, const char *number, int64_t rep,
    const char *period, money_t payable, int64_t revision,
    char out[SETTLEMENT_CODE_SIZE])
{
	struct hmac_sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	char msg[256];
	int n;

	out[0] = '\0';
	if (secret == NULL || strlen(secret) < 16)
		return TC_EINVAL;
	/* one field a line: no field can run into the next */
	n = snprintf(msg, sizeof(msg), "%s\n%" PRId64 "\n%s\n%" PRId64 "\n%"
	    PRId64, number, rep, period, payable, revision);
	if (n < 0 || (size_t)n >= sizeof(msg))
		return TC_EINVAL;
	hmac_sha256_set_key(&ctx, strlen(secret), (const uint8_t *)secret);
	hmac_sha256_update(&ctx, (size_t)n, (const uint8_t *)msg);
	hmac_sha256_digest(&ctx, sizeof(digest), digest);
	for (size_t i = 0; i < (SETTLEMENT_CODE_SIZE - 1) / 2; i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
	return 0;
}

char *
settlement_qr_path(const char *text, int *width)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	struct strbuf b = STRBUF_INIT;
	char cell[48];

	*width = 0;
	if (qr == NULL)
		return NULL;
	strbuf_add(&b, "");
	for (int y = 0; y < qr->width; y++)
		for (int x = 0; x < qr->width; x++) {
			if ((qr->data[y * qr->width + x] & 1) == 0)
				continue;
			snprintf(cell, sizeof(cell), "M%d %dh1v1h-1z", x, y);
			strbuf_add(&b, cell);
		}
	*width = qr->width;
	QRcode_free(qr);
	return strbuf_take(&b);
}
