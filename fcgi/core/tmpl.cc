// tmpl.cc: the one C++ file: a C API over ctemplate.
#include "config.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include <ctemplate/template.h>

#include "core/error.h"
#include "core/tmpl.h"

using ctemplate::TemplateDictionary;

// A struct tdict is a ctemplate dictionary; the cast is the whole bridge.
static TemplateDictionary *D(struct tdict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

static struct tdict *T(TemplateDictionary *d)
{
	return reinterpret_cast<struct tdict *>(d);
}

struct tdict *tdict_new(void)
{
	return T(new (std::nothrow) TemplateDictionary("page"));
}

void tdict_free(struct tdict *d)
{
	delete D(d);
}

void tdict_set(struct tdict *d, const char *name, const char *value)
{
	D(d)->SetValue(name, value != NULL ? value : "");
}

void tdict_set_int(struct tdict *d, const char *name, long long v)
{
	D(d)->SetFormattedValue(name, "%lld", v);
}

void tdict_set_global(struct tdict *d, const char *name, const char *value)
{
	D(d)->SetTemplateGlobalValue(name, value != NULL ? value : "");
}

struct tdict *tdict_add_section(struct tdict *d, const char *name)
{
	return T(D(d)->AddSectionDictionary(name));
}

void tdict_show_section(struct tdict *d, const char *name)
{
	D(d)->ShowSection(name);
}

struct tdict *tdict_include(struct tdict *d, const char *name,
    const char *file)
{
	TemplateDictionary *inc = D(d)->AddIncludeDictionary(name);

	if (file != NULL)
		inc->SetFilename(file);
	return T(inc);
}

void tdict_set_filename(struct tdict *d, const char *file)
{
	D(d)->SetFilename(file);
}

void tmpl_set_root(const char *dir)
{
	ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(
	    dir);
}

int tmpl_render(const char *file, const struct tdict *d, char **out,
    size_t *len)
{
	std::string s;

	*out = NULL;
	*len = 0;
	try {
		if (!ctemplate::ExpandTemplate(file, ctemplate::STRIP_BLANK_LINES,
		    reinterpret_cast<const TemplateDictionary *>(d), &s))
			return TC_ENOTFOUND;
	} catch (const std::bad_alloc &) {
		return TC_ENOMEM;
	}
	if ((*out = static_cast<char *>(std::malloc(s.size() + 1))) == NULL)
		return TC_ENOMEM;
	std::memcpy(*out, s.data(), s.size());
	(*out)[s.size()] = '\0';
	*len = s.size();
	return 0;
}
