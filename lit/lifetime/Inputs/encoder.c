/* A libwebp-style encoder: encoder_new keeps the caller's config and picture in the encoder it
 * returns; encode() makes one, uses it and deletes it before returning. */
#include <stdlib.h>

struct config {
	int quality;
};
struct picture {
	int width, height;
};
struct encoder {
	const struct config *config;
	const struct picture *pic;
	int bytes;
};

struct encoder *encoder_new(const struct config *config, const struct picture *pic)
{
	struct encoder *enc = malloc(sizeof *enc);
	if (!enc)
		return NULL;
	enc->config = config;
	enc->pic = pic;
	enc->bytes = 0;
	return enc;
}

static int encoder_run(struct encoder *enc)
{
	enc->bytes = enc->pic->width * enc->pic->height * enc->config->quality / 100;
	return enc->bytes;
}

void encoder_delete(struct encoder *enc)
{
	free(enc);
}

/* The encoder dies here: the caller's config and picture are kept only while this runs. */
int encode(const struct config *config, const struct picture *pic)
{
	struct encoder *enc = encoder_new(config, pic);
	if (!enc)
		return -1;
	int n = encoder_run(enc);
	encoder_delete(enc);
	return n;
}

/* Keeps the last encoder in a global: its config and picture with it. */
static struct encoder *last;

int encode_keep(const struct config *config, const struct picture *pic)
{
	encoder_delete(last);
	last = encoder_new(config, pic);
	return last ? encoder_run(last) : -1;
}

int encoder_bytes(const struct encoder *enc)
{
	return enc->bytes;
}

/* libwebp's lossless stream encoder: each encoder goes into a worker's parameters, on the stack,
 * which a worker interface runs through an indirect call it may swap (VP8LEncodeStream). The
 * encoders die before the function returns. */
struct worker {
	int (*hook)(void *data1, void *data2);
	void *data1, *data2;
	int runs;
};
struct worker_interface {
	int (*execute)(struct worker *w);
};
struct stream_params {
	struct encoder *enc;
	int result;
};

static int execute_sync(struct worker *w)
{
	return w->hook(w->data1, w->data2);
}

static int execute_counted(struct worker *w)
{
	w->runs++;
	return w->hook(w->data1, w->data2);
}

static struct worker_interface workers = {execute_sync};

void set_worker_counting(int on)
{
	workers.execute = on ? execute_counted : execute_sync;
}

static int stream_hook(void *data1, void *data2)
{
	struct stream_params *param = data1;
	(void)data2;
	param->result = encoder_run(param->enc);
	return 1;
}

int encode_stream(const struct config *config, const struct picture *pic, int threads)
{
	struct encoder *enc_main = encoder_new(config, pic);
	struct encoder *enc_side = NULL;
	struct stream_params params_main, params_side;
	struct worker worker_main = {0}, worker_side = {0};
	int total = 0;
	if (!enc_main)
		return -1;
	for (int idx = 0; idx < (threads > 1 ? 2 : 1); idx++) {
		struct worker *worker = idx == 0 ? &worker_main : &worker_side;
		struct stream_params *param = idx == 0 ? &params_main : &params_side;
		if (idx == 0) {
			param->enc = enc_main;
		} else {
			enc_side = encoder_new(config, pic);
			if (!enc_side)
				break;
			param->enc = enc_side;
		}
		worker->hook = stream_hook;
		worker->data1 = param;
		worker->data2 = NULL;
		if (workers.execute(worker))
			total += param->result;
	}
	encoder_delete(enc_side);
	encoder_delete(enc_main);
	return total;
}

int encode_once(int w, int h);
int encode_scoped(int w, int h);
int encode_cached(int w, int h);
int encode_threads(int w, int h);
struct encoder *open_encoder(int w, int h);

int main(int argc, char **argv)
{
	(void)argv;
	struct encoder *enc = open_encoder(argc, 2);
	set_worker_counting(argc > 1);
	int n = encode_once(argc, 2) + encode_scoped(argc, 2) + encode_cached(argc, 2) +
		encode_threads(argc, 2);
	encoder_delete(enc);
	return n > 0 ? 0 : 1;
}
