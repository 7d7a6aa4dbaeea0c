/**
 * Notes in Markdown, rendered safely: raw HTML in the source is shown as text (markdown-it with
 * html off escapes it), and links only to http, https and mailto open, in a new tab without
 * handing the page over (rel="noopener noreferrer").
 */
import MarkdownIt from 'markdown-it';

// Images are off: a picture from elsewhere would tell its server who read the note, and when.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true }).disable('image');
const SAFE_LINK = /^(https?:|mailto:)/i;
md.validateLink = (url) => SAFE_LINK.test(url.trim());
const renderLink = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  tokens[i]!.attrSet('target', '_blank');
  tokens[i]!.attrSet('rel', 'noopener noreferrer');
  return renderLink(tokens, i, options, env, self);
};

export function Markdown({ source }: { source: string }) {
  // markdown-it's output is safe by construction here: html is off and every link is checked above.
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: md.render(source) }} />;
}
