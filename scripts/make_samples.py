#!/usr/bin/env python3
"""Write the bundled offline demo feeds into pipelines/samples/.

Run from anywhere:  python3 scripts/make_samples.py

Everything here is hand-written sample content for the rivalwatch demo. The
outlet "AI Wire" is fictional, the blog and filing feeds are imitations, and
the quotations attributed to real people are invented for testing the
analyzer (apart from a few short phrases that are on the public record, such
as those from the Kadrey v. Meta exhibits). Nothing here is a copy of a real
article, post or filing.

The script uses the standard library only, has no randomness and no network
access, and writes the same bytes on every run.

Layout: the data comes first (one list per feed), then small writer
functions, then main().
"""

from __future__ import annotations

import zlib
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

OUT_DIR = Path(__file__).resolve().parent.parent / "pipelines" / "samples"

# ===========================================================================
# 1. AI Wire: a fictional tech-news outlet (RSS 2.0)
#    (date, slug, title, body). A body that starts with "<p>" is HTML.
# ===========================================================================

# The data below is laid out by hand for reading; the formatter leaves it alone.
# fmt: off
NEWS: list[tuple[str, str, str, str]] = [
    # ------------------------------------------------------------ 2023-06
    ("2023-06-06", "apple-wwdc-machine-learning",
     "At WWDC, Apple talks machine learning, not chatbots",
     '''Apple spent its developer keynote on the Vision Pro headset and barely said the
     words "artificial intelligence." Autocorrect and dictation upgrades were described as
     machine learning features that run on the device. Tim Cook, Apple's chief executive,
     said that tools like ChatGPT were promising but that Apple would be deliberate about
     where it used them. Neither OpenAI nor Google was mentioned on stage.'''),
    ("2023-06-13", "mistral-ai-seed-round",
     "Four-week-old Mistral AI raises a record seed round",
     '''Paris-based Mistral AI, founded by former researchers from Google DeepMind and Meta,
     raised about 105 million euros before shipping a single model. Arthur Mensch, Mistral
     AI's chief executive, said that Europe needed its own answer to OpenAI and that open
     models could catch up with GPT-4 faster than the market expected. The round values the
     startup at roughly 240 million euros.'''),
    ("2023-06-22", "open-llm-leaderboard-summer",
     "Open models crowd the leaderboard",
     '''<p>The <a href="https://aiwire.example.com/2023/06/leaderboard-explainer">open model
     leaderboard</a> run by Hugging Face now lists more than a thousand entries, most of them
     fine-tunes of Meta's original LLaMA.</p>
     <p>"Open models are closing the gap with GPT-3.5 every week, and GPT-4 is next,"
     Clem Delangue said. He called the pace <em>the work of thousands of people, not one
     lab</em>.</p>
     <p>Researchers warned that leaderboard scores &amp; real-world usefulness are not the
     same thing.</p>'''),
    # ------------------------------------------------------------ 2023-07
    ("2023-07-06", "meta-commercial-llama-license",
     "Meta readies a commercial license for its next Llama",
     '''Meta is preparing to release its next large language model under terms that would
     let companies build products on it, according to people familiar with the plans. The
     first LLaMA, released to researchers in February, leaked online within a week. Yann
     LeCun, Meta's chief AI scientist, said that open platforms had always beaten closed
     ones and that AI models would be no different. The move would put Meta in direct
     competition with OpenAI's paid API.'''),
    ("2023-07-11", "anthropic-claude-2",
     "Anthropic ships Claude 2 with a 100,000-token context window",
     '''Anthropic released Claude 2 to the public in the US and UK, with a context window
     large enough to read a short novel. The company said the model scored higher than its
     predecessor on the bar exam and on coding tests. "We think of GPT-4 as the model to beat
     on reasoning, and Claude 2 narrows that gap," Dario Amodei said. Claude 2 arrives as
     OpenAI and Google both race to put assistants into office software.'''),
    ("2023-07-12", "musk-launches-xai",
     "Elon Musk unveils xAI",
     '''Elon Musk announced xAI, a new company whose stated goal is to understand the true
     nature of the universe. The founding team includes researchers who worked at Google
     DeepMind, OpenAI and Microsoft. Elon Musk, xAI's founder, said that OpenAI had drifted
     from the open, nonprofit mission he helped fund and had grown too close to Microsoft.'''),
    ("2023-07-18", "meta-releases-llama-2",
     "Meta releases Llama 2, free for commercial use, with Microsoft as launch partner",
     '''<p>Meta on Tuesday released <em>Llama 2</em>, a family of models with 7, 13 and 70
     billion parameters that companies can use commercially, with limits for the very
     largest platforms.</p>
     <p>Microsoft is the preferred partner. Satya Nadella, Microsoft's chief executive, said
     that Azure customers would be able to use Llama 2 side by side with GPT-4. The weights
     can also be downloaded from Hugging Face &amp; other hosts.</p>
     <p>Mark Zuckerberg wrote: "Opening the model up lets more people test it, find the
     problems and fix them, and that makes it safer and better for everyone."</p>
     <p><a href="https://aiwire.example.com/2023/07/llama-2-benchmarks">Our benchmark
     breakdown</a> looks at where it stands against OpenAI.</p>'''),
    ("2023-07-19", "llama-2-benchmarks",
     "Llama 2 benchmarks: near GPT-3.5, well short of GPT-4",
     '''Meta's own paper places Llama 2 70B close to GPT-3.5 on knowledge tests such as MMLU
     but well behind on code. The authors wrote that a large gap remains with GPT-4 and with
     Google's PaLM 2. "We are on par with GPT-3.5 on most of the academic benchmarks, and
     GPT-4 is clearly the next bar," said Hugo Touvron, a research scientist at Meta. The
     paper also reports that Llama 2 beats other open models such as MosaicML's MPT.'''),
    ("2023-07-20", "llama-2-reactions",
     "Developers cheer Llama 2; OpenAI shrugs",
     '''"Impressive work by the Meta team, and a big day for open science," Clem Delangue
     wrote on the day of the release. Within 48 hours, thousands of fine-tuned variants
     appeared on Hugging Face. Sam Altman, OpenAI's chief executive, said that Llama 2 was
     good for the ecosystem but that customers wanted the most capable model, not the
     cheapest one. Developers said Llama 2 is not yet a substitute for ChatGPT in
     production.'''),
    ("2023-07-21", "white-house-voluntary-commitments",
     "Seven AI companies sign White House safety pledges",
     '''Amazon, Anthropic, Google, Inflection AI, Meta, Microsoft and OpenAI agreed to a set of
     voluntary commitments on security testing and watermarking of AI-generated content. The
     pledges are not binding and carry no penalties. Officials said more companies were
     expected to join in the coming months.'''),
    ("2023-07-26", "frontier-model-forum",
     "Four labs form the Frontier Model Forum; Meta stays out",
     '''Anthropic, Google, Microsoft and OpenAI launched an industry body to study the safety
     of the most capable AI models. Meta, which had just released Llama 2 openly, is not a
     member. Yann LeCun wrote that a club of closed labs setting the rules looked a lot like
     regulatory capture. He accused OpenAI and Anthropic of exaggerating risks to slow down
     open models.'''),
    # ------------------------------------------------------------ 2023-08
    ("2023-08-08", "nvidia-h100-demand",
     "Nvidia says H100 demand is outrunning supply",
     '''Jensen Huang said that every major cloud, including AWS, Microsoft Azure and Google
     Cloud, had asked for more H100 capacity than Nvidia could deliver this year. Nvidia
     introduced a new version of its Grace Hopper superchip with faster memory at SIGGRAPH.
     Startups said waiting lists for H100 clusters now stretch into next year.'''),
    ("2023-08-12", "weekend-reading-august",
     "Weekend reading: a slower August",
     '''Nothing about chips this week. Our editor spent a week in Provence, where a mistral
     wind knocked over café tables every afternoon. Mistral gusts reached 90 km/h in the
     Rhône valley on Thursday. She came back with notes on a painting by Claude Monet she saw
     in a small museum near Marseille. Elsewhere, a photo essay follows llama herds in Peru
     across the altiplano, and a baker explains why a proper apple pie needs two kinds of
     apples. We return to regular coverage on Monday.'''),
    ("2023-08-24", "code-llama",
     "Meta's Code Llama goes after coding assistants",
     '''Meta released Code Llama, a version of Llama 2 trained further on source code, under
     the same license. Meta said its largest Python variant outperformed GPT-3.5 on the
     HumanEval coding benchmark, though it still trailed GPT-4. The release puts pressure on
     paid assistants such as GitHub Copilot, which Microsoft sells for $10 a month.'''),
    ("2023-08-28", "chatgpt-enterprise",
     "OpenAI launches ChatGPT Enterprise",
     '''OpenAI introduced a business tier of ChatGPT with unlimited GPT-4 access, longer
     context and a promise not to train on customer data. The product overlaps with
     Microsoft's own Copilot offerings, which run on the same models. "Companies told us they
     were nervous about data leaving their walls, and this answers that," Greg Brockman said.
     Analysts noted that Microsoft and OpenAI now chase some of the same customers.'''),
    # ------------------------------------------------------------ 2023-09
    ("2023-09-25", "amazon-anthropic-investment",
     "Amazon to invest up to $4 billion in Anthropic",
     '''Amazon will invest up to $4 billion in Anthropic and take a minority stake, and AWS
     becomes Anthropic's primary cloud provider. Dario Amodei, Anthropic's chief executive,
     said that AWS Trainium and Inferentia chips would be used to train future Claude models.
     "Anthropic has one of the most impressive teams in the field," Andy Jassy said. The deal
     is widely read as Amazon's answer to Microsoft's partnership with OpenAI.'''),
    ("2023-09-27", "mistral-7b-release",
     "Mistral AI drops its first model as a torrent link",
     '''The French startup released Mistral 7B with a single post containing a magnet link and
     no press release. Mistral AI said its 7B model outperformed Llama 2 13B on every
     benchmark it tested. The weights are under the Apache 2.0 license, which is more
     permissive than Meta's terms for Llama 2.'''),
    ("2023-09-28", "meta-ai-assistant-connect",
     "Meta puts an AI assistant in WhatsApp, Messenger and Instagram",
     '''At its Connect conference, Meta introduced Meta AI, a chat assistant built on Llama 2,
     along with a set of AI characters. Chris Cox, Meta's chief product officer, said that
     the assistant would pull in real-time answers through a search partnership with
     Microsoft's Bing. Mark Zuckerberg said Meta AI would also come to Ray-Ban smart
     glasses.'''),
    # ------------------------------------------------------------ 2023-10
    ("2023-10-11", "mistral-new-round",
     "Mistral AI in talks for new funding at a $2 billion valuation",
     '''Investors are lining up to back Mistral AI only four months after its seed round,
     people familiar with the talks said. "We can catch up with OpenAI with a team of thirty
     people, because we do not have to reinvent everything they did," Arthur Mensch said in
     an interview. The company plans to release a larger model before the end of the
     year.'''),
    ("2023-10-30", "biden-executive-order",
     "White House executive order sets reporting rules for large models",
     '''President Biden signed an executive order requiring developers of the largest AI
     models to share safety test results with the government. The order uses a compute
     threshold that currently covers few, if any, released models. OpenAI, Google and
     Anthropic all issued statements welcoming the order.'''),
    ("2023-10-31", "lecun-lobbying-criticism",
     "Yann LeCun accuses rival labs of lobbying for regulatory capture",
     '''<p>Meta's chief AI scientist took aim at the leaders of three rival AI labs over the
     weekend.</p>
     <p>Yann LeCun wrote that Sam Altman, Demis Hassabis and Dario Amodei were doing
     "massive corporate lobbying" to shape rules in their favour. "If their campaign works, a
     handful of companies will control AI and open research will be squeezed out," he
     wrote.</p>
     <p>Demis Hassabis, Google DeepMind's chief executive, said that he disagreed and that
     the risks of powerful AI deserved the same seriousness as climate change.</p>'''),
    # ------------------------------------------------------------ 2023-11
    ("2023-11-02", "bletchley-safety-summit",
     "At Bletchley Park, AI leaders sign on to frontier testing",
     '''Executives from OpenAI, Google DeepMind, Anthropic, Meta and xAI gathered at Bletchley
     Park for the UK's AI Safety Summit. Governments agreed to test frontier models before
     release. Elon Musk, who attended, described AI as one of the biggest risks humanity
     faces in an on-stage conversation with the British prime minister.'''),
    ("2023-11-05", "xai-grok-debut",
     "xAI shows Grok, a chatbot with an attitude",
     '''xAI opened an early version of Grok to a small group of paying subscribers on X. xAI
     said Grok outperformed GPT-3.5 and Meta's Llama 2 70B on several benchmarks, while
     trailing GPT-4. "Grok will answer the spicy questions that ChatGPT refuses," Elon Musk
     wrote. The model was trained in about two months, the company said.'''),
    ("2023-11-06", "openai-devday-gpt-4-turbo",
     "OpenAI DevDay: GPT-4 Turbo, custom GPTs and lower prices",
     '''<p>OpenAI announced <em>GPT-4 Turbo</em> with a 128,000-token context window and
     input prices roughly a third of GPT-4's. It also introduced custom GPTs &amp; a coming
     GPT Store.</p>
     <p>Satya Nadella joined Sam Altman on stage. "The partnership with OpenAI is the most
     important thing we are doing in the cloud right now," Satya Nadella said.</p>
     <p>Sam Altman said ChatGPT now has 100 million weekly users.</p>'''),
    ("2023-11-07", "gpt-4-turbo-price-pressure",
     "GPT-4 Turbo's price cut puts pressure on rivals",
     '''The new prices undercut Anthropic's Claude 2 and Google's PaLM API for many
     workloads. "Developers who were worried about GPT-4 costs just lost their reason to shop
     around, and that is a real threat to everyone else," said Aidan Gomez, chief executive
     of Cohere. Aravind Srinivas, Perplexity's chief executive, said that Perplexity would
     keep offering both GPT-4 and Claude 2 to subscribers.'''),
    ("2023-11-17", "openai-board-removes-altman",
     "OpenAI's board removes Sam Altman",
     '''OpenAI's board said on Friday that Sam Altman would leave as chief executive because
     it no longer had confidence in his communication with directors. Mira Murati was named
     interim chief executive, and Greg Brockman quit as president hours later. Microsoft said
     in a statement that it remained committed to its partnership with OpenAI.'''),
    ("2023-11-20", "microsoft-hires-altman",
     "Microsoft hires Altman and Brockman as OpenAI staff threaten to quit",
     '''Satya Nadella wrote that Sam Altman and Greg Brockman would lead a new advanced AI
     research team at Microsoft. More than 700 OpenAI employees signed a letter threatening
     to follow them. Satya Nadella, Microsoft's chief executive, said that Microsoft remained
     fully committed to OpenAI and to its product roadmap.'''),
    ("2023-11-22", "altman-returns-customers-hedge",
     "Altman returns to OpenAI; customers start hedging",
     '''Sam Altman is returning as chief executive under a new initial board. Several
     enterprise customers said they had begun testing Claude and Llama 2 as backups during
     the turmoil. "The weekend showed why nobody should depend on a single model provider,
     and OpenAI is no exception," said Aravind Srinivas, chief executive of Perplexity.
     Anthropic said it had seen a surge in sign-ups.'''),
    ("2023-11-29", "aws-reinvent-bedrock",
     "AWS pitches choice at re:Invent",
     '''Amazon Web Services introduced Amazon Q, a workplace assistant, and new Trainium2
     chips. AWS said in a statement that Bedrock now offers models from Anthropic, Meta and
     Cohere alongside Amazon's own. Andy Jassy said that customers did not want to be locked
     into a single model from OpenAI.'''),
    # ------------------------------------------------------------ 2023-12
    ("2023-12-06", "google-gemini-launch",
     "Google launches Gemini and says GPT-4 is beaten",
     '''<p>Google DeepMind unveiled <a href="https://aiwire.example.com/2023/12/gemini-explainer">Gemini</a>,
     its first natively multimodal model family, in Ultra, Pro and Nano sizes. Google said
     its Gemini Ultra outperformed GPT-4 on 30 of 32 widely used academic benchmarks.</p>
     <p>“Gemini Ultra is the first model to score higher than human experts on MMLU,” Demis
     Hassabis said.</p>
     <p>Sundar Pichai wrote: “This is the start of a new era for us, and we are moving at
     the speed the moment requires.”</p>
     <p>Gemini Pro now powers Bard, and the launch comes a year after Sundar Pichai
     declared a "code red" inside Google over ChatGPT.</p>'''),
    ("2023-12-08", "gemini-demo-questions",
     "Google's Gemini demo video draws questions",
     '''A hands-on video that showed Gemini reacting to drawings in real time was edited, Google
     acknowledged, and relied on still images and text prompts. Developers accused Google of
     misleading viewers about the model's speed. Google said the demo was meant to show what
     Gemini could do, not how fast it could do it. The name, a spokesperson noted, also nods
     to NASA's Gemini missions of the 1960s.'''),
    ("2023-12-11", "mixtral-release",
     "Mixtral 8x7B: Mistral AI's mixture of experts takes on GPT-3.5",
     '''Mistral AI released Mixtral 8x7B under Apache 2.0, days after raising 385 million
     euros. Mistral AI said Mixtral matched or outperformed GPT-3.5 and Llama 2 70B on most
     standard benchmarks while running six times faster than Llama 2 70B. "Mixtral shows that
     a small team can be on par with GPT-3.5 at a fraction of the cost," Arthur Mensch
     said.'''),
    ("2023-12-13", "microsoft-phi-2",
     "Microsoft's small Phi-2 punches above its weight",
     '''Microsoft Research released Phi-2, a 2.7-billion-parameter model trained on carefully
     filtered, textbook-like data. Microsoft said Phi-2 outperformed Llama 2 70B on
     multi-step reasoning tasks such as coding and math, and matched Google's Gemini Nano. A
     meta-analysis of small-model results by independent researchers cautioned that some
     test data may overlap with training sets.'''),
    ("2023-12-19", "lecun-llms-overhyped",
     "LeCun: today's chatbots will not reach human-level intelligence",
     '''Yann LeCun said that large language models like GPT-4 were overhyped as a route to
     human-level AI because they cannot plan or understand the physical world. "A house cat
     understands more about the world than ChatGPT does," he said at a conference in New
     York. Meta's own Llama models face the same limits, he added.'''),
    ("2023-12-21", "apple-llm-in-flash",
     "Apple researchers show how to run LLMs on an iPhone",
     '''Apple's machine learning researchers published a paper on running large models from
     flash memory on devices with little RAM. The work is one of several signs that Apple is
     preparing generative AI features for its next operating systems. Apple did not give a
     release date.'''),
    ("2023-12-27", "nyt-sues-openai-microsoft",
     "The New York Times sues OpenAI and Microsoft over training data",
     '''The newspaper says millions of its articles were used without permission to train
     GPT-4 and the models behind Copilot. OpenAI said it respected the rights of content
     creators and was disappointed by the lawsuit. The case joins a growing list of
     copyright suits, including a group of authors' claims against Meta over Llama.'''),
    # ------------------------------------------------------------ 2024-01
    ("2024-01-10", "gpt-store-opens",
     "OpenAI opens the GPT Store",
     '''ChatGPT Plus, Team and Enterprise users can now browse custom GPTs built by other
     users. OpenAI said more than three million GPTs had been created since November. The
     company also launched ChatGPT Team for small businesses.'''),
    ("2024-01-18", "zuckerberg-350k-h100",
     "Zuckerberg: Meta will have 350,000 H100s by year end",
     '''Mark Zuckerberg said Meta would own about 350,000 Nvidia H100 GPUs by the end of 2024,
     and compute equal to almost 600,000 H100s overall. He said the company's long-term goal
     was to build general intelligence and release it responsibly as open source. Meta is
     training Llama 3 now, he added.'''),
    # ------------------------------------------------------------ 2024-02
    ("2024-02-15", "gemini-15-and-sora",
     "Google and OpenAI announce models on the same day",
     '''Google introduced Gemini 1.5 Pro with a one-million-token context window, and hours
     later OpenAI showed Sora, a text-to-video model. OpenAI and Google both released research
     previews this week, and neither model is broadly available yet.'''),
    ("2024-02-21", "google-gemma",
     "Google releases Gemma, its own open models",
     '''Google released Gemma 2B and 7B, open models built from the same research as Gemini.
     Google said Gemma 7B outperformed Llama 2 7B and 13B on key benchmarks for reasoning,
     math and code. Clem Delangue, Hugging Face's chief executive, said that Google joining
     Meta and Mistral AI in releasing weights was a great day for open source.'''),
    ("2024-02-26", "mistral-large-microsoft",
     "Mistral Large arrives, with Microsoft as investor",
     '''Mistral AI introduced Mistral Large and a chat assistant called Le Chat. Mistral AI
     said Mistral Large ranked second only to GPT-4 among models generally available through
     an API, ahead of Claude 2 and Gemini Pro. Microsoft is taking a small stake and will
     offer the startup's models on Azure. Some European lawmakers were worried that Mistral
     AI, which had lobbied for lighter rules in the AI Act, was now tied to Microsoft.'''),
    ("2024-02-29", "musk-sues-openai",
     "Elon Musk sues OpenAI and Sam Altman",
     '''Elon Musk accused OpenAI and Sam Altman of breaching the lab's founding agreement by
     putting profit before its nonprofit mission. The suit argues that GPT-4 is, in
     effect, a Microsoft product. OpenAI said the claims had no merit.'''),
    # ------------------------------------------------------------ 2024-03
    ("2024-03-04", "anthropic-claude-3",
     "Anthropic's Claude 3 family claims the top spot",
     '''<p>Anthropic released three <em>Claude 3</em> models: Haiku, Sonnet and Opus. Anthropic
     said Claude 3 Opus outperformed GPT-4 and Gemini Ultra on most common evaluation
     benchmarks, including graduate-level reasoning and math.</p>
     <p>“We wanted to show that a safety-focused lab can be at the frontier, ahead of GPT-4
     rather than behind it,” Daniela Amodei said.</p>
     <p>Opus costs $15 per million input tokens &amp; $75 per million output tokens.</p>'''),
    ("2024-03-06", "openai-responds-musk",
     "OpenAI publishes Musk emails in response to lawsuit",
     '''OpenAI released old emails showing that Elon Musk had pushed the lab to raise billions
     and had at one point proposed folding it into Tesla. OpenAI said in a blog post that
     Elon Musk had wanted majority control and the chief executive role, and that it would
     move to dismiss all of his claims. Sam Altman and his co-founders wrote that it was sad
     to be in a dispute with someone whose early support they had valued.'''),
    ("2024-03-08", "claude-3-reactions",
     "Rivals react to Claude 3",
     '''"Congratulations to Anthropic, Claude 3 is impressive work," Clem Delangue wrote.
     Aravind Srinivas said that Perplexity would make Claude 3 Opus available to Pro
     subscribers within days. Some researchers questioned whether the comparison used the
     latest version of GPT-4. OpenAI and Anthropic both declined to comment further.'''),
    ("2024-03-11", "musk-open-source-grok",
     "Musk says xAI will open-source Grok this week",
     '''Elon Musk wrote that xAI would publish the weights of Grok, a jab at OpenAI, which he
     has sued. "OpenAI is neither open nor a nonprofit anymore, and everyone knows it," Elon
     Musk wrote in a reply. Grok-1 is a 314-billion-parameter mixture-of-experts model.'''),
    ("2024-03-18", "nvidia-gtc-blackwell",
     "Nvidia unveils Blackwell at GTC",
     '''Jensen Huang introduced the Blackwell B200 GPU, which Nvidia says will cut the cost and
     energy of running large models by up to 25 times compared with H100. Jensen Huang said
     that Amazon, Google, Meta, Microsoft, OpenAI and xAI were all expected to adopt
     Blackwell. Rivals are designing their own chips, but none has matched Nvidia's
     software.'''),
    ("2024-03-19", "microsoft-hires-suleyman",
     "Microsoft hires Mustafa Suleyman to run consumer AI",
     '''Microsoft hired Mustafa Suleyman, a co-founder of DeepMind, and most of the staff of
     Inflection AI to form a new Microsoft AI division. Satya Nadella wrote that the
     partnership with OpenAI remained foundational and that Microsoft would also build its
     own capabilities. Mustafa Suleyman, Microsoft AI's chief executive, said that the
     Copilot team intended to be on par with Google and OpenAI in consumer AI within a
     year.'''),
    # ------------------------------------------------------------ 2024-04
    ("2024-04-09", "busy-tuesday-model-releases",
     "OpenAI, Google and Mistral AI ship updates on the same day",
     '''A new GPT-4 Turbo with vision became generally available, Google opened Gemini 1.5 Pro
     to developers in 180 countries, and Mixtral 8x22B from Mistral AI appeared as a torrent link.
     OpenAI, Google and Mistral AI all shipped updates within a few hours of one another.
     None of the three mentioned the others.'''),
    ("2024-04-18", "llama-3-launch",
     "Meta launches Llama 3 and a new Meta AI assistant",
     '''<p>Meta released <em>Llama 3</em> in 8B and 70B sizes, trained on more than 15
     trillion tokens, and said a 400B model was still training.</p>
     <p>Meta said Llama 3 70B outperformed Gemini Pro 1.5 and Claude 3 Sonnet on several
     benchmarks. Ahmad Al-Dahle, Meta's vice president of generative AI, said that the team's
     aim was now to lead rather than to catch up with GPT-4.</p>
     <p>"We believe Meta AI is now the most capable assistant you can use for free," Mark
     Zuckerberg said. Read our <a href="https://aiwire.example.com/2024/04/llama-3-benchmarks">benchmark
     notes</a> &amp; the license terms.</p>'''),
    ("2024-04-19", "llama-3-reactions",
     "Llama 3 reaction: the open gap narrows",
     '''"Llama 3 is impressive work, and it puts open weights within reach of GPT-4," Clem
     Delangue said. Aidan Gomez, Cohere's chief executive, said that Llama 3 was a real
     threat to any company selling a mid-sized model through an API. Elon Musk wrote that
     Grok would catch up with Llama 3 within weeks.'''),
    ("2024-04-23", "microsoft-phi-3",
     "Microsoft releases Phi-3 mini",
     '''Microsoft said Phi-3-mini, a 3.8-billion-parameter model, performed on par with GPT-3.5
     and Mixtral 8x7B on standard benchmarks despite being small enough to run on a phone.
     The model is available on Azure, Hugging Face and Ollama.'''),
    ("2024-04-24", "meta-q1-capex",
     "Meta shares fall as Zuckerberg raises AI spending",
     '''Meta raised its capital expenditure forecast to between $35 billion and $40 billion for
     2024, mostly for AI infrastructure. Mark Zuckerberg told analysts that it would take
     years before Meta AI and Llama made meaningful revenue. Investors sent the shares down
     more than 10% in after-hours trading.'''),
    ("2024-04-25", "alphabet-q1-cloud",
     "Alphabet beats estimates as Google Cloud grows",
     '''Sundar Pichai said Google Cloud was winning AI workloads from customers who had first
     tried Microsoft's Azure OpenAI service. Alphabet also announced its first dividend.
     Sundar Pichai, Alphabet's chief executive, said that Gemini now reached products with
     more than two billion users each.'''),
    ("2024-04-29", "apple-openai-talks",
     "Apple resumes talks with OpenAI over iPhone features",
     '''Apple has renewed discussions with OpenAI about using its technology in the next
     version of iOS, according to people familiar with the matter, and has also held talks
     with Google about Gemini. Tim Cook said that Apple's chips and its focus on privacy
     would set it apart in generative AI. Apple declined to comment on the talks.'''),
    # ------------------------------------------------------------ 2024-05
    ("2024-05-13", "openai-gpt-4o-launch",
     "OpenAI's GPT-4o talks, sees and sings",
     '''OpenAI introduced GPT-4o, a model that handles text, audio and images natively, and made
     it free for ChatGPT users. OpenAI said GPT-4o matched GPT-4 Turbo on English text and
     code while being twice as fast and half the price. Mira Murati, OpenAI's chief
     technology officer, said that the goal was to make talking to ChatGPT feel natural. The
     announcement landed one day before Google's developer conference.'''),
    ("2024-05-14", "google-io-astra",
     "At I/O, Google answers GPT-4o with Project Astra",
     '''Google showed Project Astra, a camera-based assistant, and a faster Gemini 1.5 Flash.
     Sundar Pichai said that Google had built Gemini to be multimodal from the start and was
     not playing catch-up with OpenAI. "What OpenAI showed yesterday, we have been building
     for a year," Demis Hassabis said.'''),
    ("2024-05-17", "openai-safety-departures",
     "OpenAI's long-term safety leaders depart",
     '''Ilya Sutskever and Jan Leike, who led OpenAI's long-term safety team, have both left the
     company. Leike wrote that safety culture had taken a back seat to product launches.
     Anthropic later said it had hired Leike to lead a new team.'''),
    ("2024-05-21", "microsoft-build-copilot-pcs",
     "Microsoft Build: GPT-4o on Azure, Copilot+ PCs",
     '''Microsoft said GPT-4o was available on Azure OpenAI Service the same day it launched.
     Satya Nadella said Copilot+ PCs would outperform Apple's MacBook Air on AI tasks, a
     comparison he repeated several times during the keynote.'''),
    ("2024-05-27", "xai-raises-6-billion",
     "xAI raises $6 billion",
     '''xAI closed a $6 billion funding round to build what Elon Musk called the world's
     largest supercomputer, in Memphis. Elon Musk wrote that xAI would catch up with OpenAI
     and Google DeepMind by the end of the year. The startup's investors include Andreessen
     Horowitz and Sequoia Capital.'''),
    ("2024-05-30", "mistral-codestral",
     "Mistral AI's Codestral targets code completion",
     '''Mistral AI released Codestral, a 22-billion-parameter coding model. Mistral AI said
     Codestral outperformed Llama 3 70B and Code Llama 70B on long-range code completion
     benchmarks. The model ships under a new non-production license, which some developers
     called a step back from Apache 2.0.'''),
    # ------------------------------------------------------------ 2024-06
    ("2024-06-10", "wwdc-apple-intelligence",
     "Apple Intelligence arrives, with ChatGPT on call",
     '''<p>Apple introduced <em>Apple Intelligence</em> at WWDC, with a rebuilt Siri that can
     hand difficult questions to ChatGPT with the user's permission.</p>
     <p>Tim Cook said that Apple would integrate ChatGPT into Siri and its writing tools later
     this year, and suggested that other models, including Gemini, could follow.</p>
     <p>Elon Musk wrote that he would ban Apple devices at his companies if Apple integrated
     OpenAI at the operating-system level, calling it “an unacceptable security violation.”
     Apple said OpenAI would not store users' requests.</p>'''),
    ("2024-06-15", "weekend-reading-june",
     "Weekend reading: rain, rivers and pies",
     '''Our picks for a slow weekend: a long feature on drought in the Amazon rainforest and
     what it means for river towns, and a history of NASA's Gemini missions told through the
     astronauts' letters. A recipe column argues that apple pie is better the next day.
     Plus a review of a meta-analysis of studies on the four-day work week.'''),
    ("2024-06-20", "anthropic-claude-35-sonnet",
     "Claude 3.5 Sonnet takes aim at GPT-4o",
     '''Anthropic released Claude 3.5 Sonnet, which it says is twice as fast as Claude 3 Opus
     at a fifth of the cost. Anthropic said Claude 3.5 Sonnet outperformed GPT-4o and Gemini
     1.5 Pro on graduate-level reasoning and coding evaluations. "We are no longer chasing
     GPT-4o, and on coding we are ahead of it," Dario Amodei said.'''),
    ("2024-06-26", "lecun-musk-spat",
     "LeCun and Musk trade barbs over science and xAI",
     '''Yann LeCun wrote that Elon Musk's predictions of superhuman AI by next year were
     overhyped and that xAI had published little research. "If you want to do science, you
     publish, and Grok is not a serious research effort," LeCun wrote. Musk replied that
     LeCun was simply following orders.'''),
    # ------------------------------------------------------------ 2024-07
    ("2024-07-18", "openai-gpt-4o-mini",
     "GPT-4o mini replaces GPT-3.5 Turbo",
     '''OpenAI launched GPT-4o mini at 15 cents per million input tokens. OpenAI said GPT-4o
     mini outperformed Gemini Flash and Claude Haiku on MMLU and on math reasoning. The model
     becomes the default for free ChatGPT users.'''),
    ("2024-07-23", "llama-3-1-405b",
     "Meta's Llama 3.1 405B: the first open frontier model?",
     '''<p>Meta released <em>Llama 3.1</em>, including a 405-billion-parameter model trained on
     more than 16,000 H100 GPUs. Meta said Llama 3.1 405B was competitive with GPT-4o and
     Claude 3.5 Sonnet across a range of tasks.</p>
     <p>In a letter published with the release, Mark Zuckerberg wrote that Llama 3 was
     “competitive with the most advanced models” and that future Llama models would become
     “the most advanced in the industry.”</p>
     <p>Nvidia, AWS, Microsoft &amp; Google Cloud all offered the model on day one.
     <a href="https://aiwire.example.com/2024/07/llama-3-1-license">Read the license
     changes</a>.</p>'''),
    ("2024-07-24", "llama-3-1-reactions",
     "Nvidia and Mistral AI respond to Llama 3.1",
     '''"Llama 3.1 is a landmark for open models, and we built our AI Foundry around it,"
     Jensen Huang said. A day later Mistral AI released Mistral Large 2 and said it was on
     par with Llama 3.1 405B on code and math while being less than a third of its size.
     Arthur Mensch said that Mistral AI did not need Meta's GPU budget to stay
     competitive.'''),
    ("2024-07-25", "openai-searchgpt-perplexity",
     "OpenAI tests SearchGPT; Perplexity shrugs",
     '''OpenAI began testing SearchGPT, a search prototype, with a small group of users. "A
     prototype from OpenAI is not a serious competitor to a product millions of people use
     every day," said Aravind Srinivas, chief executive of Perplexity. Alphabet's shares fell
     3% on the news.'''),
    ("2024-07-30", "apple-trained-on-google-tpus",
     "Apple trained its models on Google's chips",
     '''Apple said in a technical paper that its Apple Intelligence foundation models were
     trained on Google's TPUs rather than on Nvidia GPUs. The paper compares Apple's
     on-device model favourably with Microsoft's Phi-3 mini and with Gemma.'''),
    ("2024-07-31", "meta-q2-llama-4-compute",
     "Zuckerberg: Llama 4 will need ten times the compute",
     '''Mark Zuckerberg told analysts that training Llama 4 would likely need nearly ten times
     the compute used for Llama 3. He said he would rather build capacity before it is
     needed than fall behind. He said Meta AI was on track to overtake ChatGPT as the most
     used assistant by the end of the year.'''),
    # ------------------------------------------------------------ 2024-08
    ("2024-08-13", "xai-grok-2",
     "xAI releases Grok-2",
     '''xAI released Grok-2 and Grok-2 mini in beta for X subscribers. xAI said Grok-2
     outperformed Claude 3.5 Sonnet and GPT-4 Turbo on the LMSYS chatbot leaderboard. Image
     generation in Grok, powered by a partner model, drew criticism for its loose
     safeguards.'''),
    ("2024-08-29", "llama-downloads-chatgpt-users",
     "Llama nears 350 million downloads; ChatGPT passes 200 million weekly users",
     '''Meta said Llama models had been downloaded nearly 350 million times, ten times more than
     a year ago. The same day, OpenAI said ChatGPT had more than 200 million weekly active
     users. Ahmad Al-Dahle wrote that AWS and Microsoft Azure were now the biggest hosts of
     Llama in the cloud.'''),
    # ------------------------------------------------------------ 2024-09
    ("2024-09-12", "openai-o1-reasoning",
     "OpenAI's o1 thinks before it answers",
     '''OpenAI released o1-preview and o1-mini, models trained to reason step by step before
     responding. OpenAI said o1 ranked in the 89th percentile on competitive programming
     questions. "OpenAI's o1 is impressive, but it is slow and expensive, and most enterprise
     tasks do not need it," said Aidan Gomez, chief executive of Cohere.'''),
    ("2024-09-25", "murati-leaves-openai",
     "Mira Murati leaves OpenAI",
     '''Mira Murati, OpenAI's chief technology officer, said she was leaving to make time for
     her own exploration. Two research leaders departed the same day. Sam Altman wrote that
     he was grateful for everything she had done for the company.'''),
    ("2024-09-26", "llama-3-2-vision",
     "Llama 3.2 adds vision and phone-sized models",
     '''Meta released Llama 3.2 with 11B and 90B vision models and 1B and 3B text models for
     phones. Meta said the vision models were competitive with Claude 3 Haiku and GPT-4o mini
     on image understanding. The small models run on Qualcomm and MediaTek chips.'''),
    # ------------------------------------------------------------ 2024-10
    ("2024-10-02", "openai-funding-rivals",
     "OpenAI raises $6.6 billion and asks backers to skip rivals",
     '''OpenAI raised $6.6 billion at a $157 billion valuation. The company reportedly asked
     investors not to fund competitors such as Anthropic and xAI. Elon Musk accused OpenAI of
     trying to starve its rivals of capital.'''),
    ("2024-10-22", "claude-computer-use",
     "Anthropic's Claude learns to use a computer",
     '''Anthropic released an upgraded Claude 3.5 Sonnet and a beta feature that lets Claude move
     a cursor, click and type. Anthropic said the new Claude 3.5 Sonnet outperformed all
     publicly available models, including OpenAI's o1-preview, on the SWE-bench Verified
     coding test.'''),
    # ------------------------------------------------------------ 2024-11
    ("2024-11-04", "meta-llama-us-government",
     "Meta opens Llama to US defense agencies",
     '''Meta said it would make Llama available to US government agencies and contractors
     working on national security, reversing a ban on military use. The change followed
     reports that researchers in China had built a military tool on an older Llama model.
     Partners include Amazon Web Services, Microsoft and Oracle.'''),
    ("2024-11-22", "amazon-anthropic-8-billion",
     "Amazon doubles its Anthropic bet to $8 billion",
     '''Amazon will invest another $4 billion in Anthropic, and AWS becomes its primary
     training partner. Dario Amodei said that Anthropic would work with Amazon's Annapurna
     Labs on future Trainium chips. "Anthropic's progress on Claude has been remarkable," Andy
     Jassy said.'''),
    # ------------------------------------------------------------ 2024-12
    ("2024-12-06", "llama-3-3",
     "Llama 3.3 70B matches the big model at a fraction of the cost",
     '''Ahmad Al-Dahle wrote that Llama 3.3 70B delivered the performance of Llama 3.1 405B at a
     much lower cost. Meta said Llama 3.3 outperformed Gemini Pro 1.5 and GPT-4o on several
     instruction-following benchmarks. OpenAI, meanwhile, released the full o1 and a
     $200-a-month ChatGPT Pro tier.'''),
    ("2024-12-11", "google-gemini-2",
     "Google launches Gemini 2.0 for agents",
     '''Google released Gemini 2.0 Flash, which it says outperforms Gemini 1.5 Pro on key
     benchmarks at twice the speed. Sundar Pichai wrote that Gemini 2.0 was built for agents
     that can act on a user's behalf. Demis Hassabis, Google DeepMind's chief executive, said
     that OpenAI's lead in reasoning models was overhyped and would not last long.'''),
    ("2024-12-27", "deepseek-v3",
     "DeepSeek-V3: a frontier-class model trained for under $6 million",
     '''Chinese lab DeepSeek released DeepSeek-V3, a 671-billion-parameter mixture-of-experts
     model, with open weights. DeepSeek said DeepSeek-V3 outperformed Llama 3.1 405B and Qwen
     2.5 72B and was on par with GPT-4o and Claude 3.5 Sonnet on most benchmarks. The reported
     training cost of about $5.6 million, on 2,048 Nvidia H800 chips, startled researchers in
     Silicon Valley.'''),
    # ------------------------------------------------------------ 2025-01
    ("2025-01-06", "nvidia-ces-digits",
     "Nvidia at CES: a desktop AI supercomputer",
     '''Jensen Huang introduced Project DIGITS, a $3,000 desktop computer that can run models
     with up to 200 billion parameters. Jensen Huang said that Meta's Llama models were among
     the most downloaded on Nvidia's platforms.'''),
    ("2025-01-09", "kadrey-unsealed-libgen",
     "Unsealed filings: authors say Meta trained Llama on pirated books",
     '''Newly unsealed filings in Kadrey v. Meta, the copyright case brought by authors
     including Richard Kadrey and Sarah Silverman, allege that Meta used LibGen, a large
     library of pirated books, to train Llama. The plaintiffs say the decision was escalated
     to Mark Zuckerberg and approved. Meta said in a court filing that its use of publicly
     available text to train AI models was fair use.'''),
    ("2025-01-10", "kadrey-needs-to-be-gpt-4",
     "\u201cOur goal needs to be GPT-4\u201d: inside Meta's race to catch OpenAI",
     '''<p>Messages unsealed in <em>Kadrey v. Meta</em> show how Meta's generative AI
     leadership measured itself against OpenAI in late 2023.</p>
     <p>In October 2023, Ahmad Al-Dahle, Meta's vice president of generative AI, messaged
     researcher Hugo Touvron that the goal for the next Llama "needs to be GPT-4". Al-Dahle
     pointed to the 64,000 GPUs Meta had coming. "Mistral is peanuts for us," he
     wrote. "We should be able to do better."</p>
     <p>The exchange, listed in our <a href="https://aiwire.example.com/2025/01/kadrey-exhibits">exhibit
     guide</a> &amp; case timeline, came weeks after Mistral AI's first release.</p>'''),
    ("2025-01-13", "kadrey-llama-2-data-mix",
     "Meta's Llama 2 data mix, in its researchers' own words",
     '''The same exhibits show Hugo Touvron and Ahmad Al-Dahle discussing the data mix for
     Llama 2 and whether to include books from LibGen. According to the plaintiffs, LibGen
     holds titles from publishers such as McGraw Hill and Pearson. In the same thread,
     Al-Dahle called Mistral "peanuts" next to what Meta could build with its new GPUs.
     Meta said its researchers' messages had been taken out of context.'''),
    ("2025-01-14", "analysis-meta-benchmarked-gpt-4-claude",
     "Analysis: Meta's leaders set their bar by GPT-4 and Claude",
     '''Read together, the unsealed exhibits show that Meta's leaders benchmarked Llama against
     OpenAI's GPT-4 and Anthropic's Claude rather than against other open models. Ahmad
     Al-Dahle wrote: "Honestly, our goal needs to be GPT-4, and we have the GPUs to get
     there." Mistral AI, by contrast, was treated as a rival too small to matter. Nine months
     later, Mark Zuckerberg wrote that Llama 3 was "competitive with the most advanced
     models." Meta declined to comment beyond its court filings.'''),
    ("2025-01-15", "kadrey-reactions",
     "Rivals shrug at Meta's 'peanuts' remark",
     '''Arthur Mensch said that Meta's opinion of Mistral AI in 2023 mattered less than how
     Mistral Large 2 later scored against Llama 3.1. "Meta can call us whatever it likes; we
     beat Llama 2 with a fraction of its GPUs," Mensch said. Yann LeCun wrote that he had not
     been involved in decisions about Llama 2's training data. Authors' groups said the
     messages strengthened their case.'''),
    ("2025-01-18", "weekend-reading-january",
     "Weekend reading: winter edition",
     '''Away from the courtroom: a photographer spent a year following llama herds in Peru's
     highlands, and a museum in Paris has reopened its room of water lilies by Claude Monet.
     A sailing writer explains how the Mistral shapes winter weather on the Mediterranean
     coast. We also liked a meta-analysis of studies on sleep and memory, and an essay on
     the Amazon rainforest and its tipping point.'''),
    ("2025-01-20", "deepseek-r1-release",
     "DeepSeek R1 matches OpenAI's o1 at a fraction of the price",
     '''<p>DeepSeek released <em>DeepSeek R1</em>, a reasoning model with open weights under the
     MIT license. DeepSeek said R1 performed on par with OpenAI's o1 on math, code and
     reasoning tasks.</p>
     <p>API prices are more than 90% below o1's. Liang Wenfeng, DeepSeek's founder, said that
     Chinese labs had spent too long following and that DeepSeek wanted to catch up with
     OpenAI through original research, not imitation.</p>
     <p>Six distilled versions, based on Qwen &amp; Llama, were released alongside.</p>'''),
    ("2025-01-22", "stargate-announcement",
     "Stargate: OpenAI, SoftBank and Oracle pledge up to $500 billion",
     '''At the White House, OpenAI, SoftBank and Oracle unveiled Stargate, a joint venture to
     build AI data centers in the US, starting in Texas. Microsoft, Nvidia and Arm are
     technology partners. Elon Musk wrote that the backers did not actually have the money
     and accused Sam Altman of overstating the deal. Satya Nadella said that Microsoft would
     keep to its own $80 billion data center budget.'''),
    ("2025-01-24", "meta-deepseek-worry",
     "Report: Meta engineers scramble to study DeepSeek",
     '''Meta's generative AI group has set up several teams to study how DeepSeek trained its
     models so cheaply, people familiar with the effort said. An anonymous post attributed to
     a Meta engineer said the team was worried about DeepSeek-V3 beating Llama 4 on
     benchmarks before its release. Yann LeCun wrote that DeepSeek had profited from open
     research such as PyTorch and Llama, and that the lesson was that open models are
     overtaking proprietary ones.'''),
    ("2025-01-27", "nvidia-selloff-deepseek",
     "Nvidia loses nearly $600 billion in value as DeepSeek rattles markets",
     '''Nvidia shares fell 17% on Monday, the largest one-day loss of market value for any
     company. Investors worried that DeepSeek's cheap training would reduce demand for H100
     and Blackwell chips. Nvidia said in a statement that DeepSeek was "an excellent AI
     advancement" and that inference would still need large numbers of its GPUs. Shares of
     Microsoft, Meta and Alphabet also fell.'''),
    ("2025-01-28", "altman-responds-deepseek",
     "Altman calls DeepSeek R1 impressive and promises better models",
     '''"DeepSeek's R1 is an impressive model, especially for what they charge," Sam Altman
     wrote. He added that OpenAI would move some releases forward and that compute mattered
     more than ever. Aravind Srinivas said that Perplexity would host DeepSeek R1 on US
     servers for its Pro users.'''),
    ("2025-01-29", "openai-distillation-accusation",
     "OpenAI says it has evidence DeepSeek distilled its models",
     '''OpenAI said it had seen evidence that DeepSeek used distillation, training on outputs
     from OpenAI's models, which would breach its terms of service. Microsoft is looking into
     whether accounts linked to DeepSeek extracted large amounts of data through the OpenAI
     API. The same day, Microsoft made DeepSeek R1 available on Azure AI Foundry.'''),
    ("2025-01-29", "alibaba-qwen-2-5-max",
     "Alibaba's Qwen 2.5-Max claims to beat DeepSeek-V3",
     '''Alibaba released Qwen 2.5-Max on the eve of the Lunar New Year holiday. Alibaba said
     Qwen 2.5-Max outperformed DeepSeek-V3, GPT-4o and Llama 3.1 405B on several benchmarks.
     The timing showed how seriously Chinese rivals take DeepSeek.'''),
    ("2025-01-30", "meta-q4-deepseek",
     "Zuckerberg on DeepSeek: novel ideas Meta will learn from",
     '''Mark Zuckerberg said on Meta's earnings call that DeepSeek had done several novel things
     that Meta was still digesting. He said Meta would apply the lessons to Llama 4 and that
     heavy infrastructure spending would remain a strategic advantage. Meta plans to spend
     up to $65 billion on capital expenditures this year.'''),
    ("2025-01-31", "openai-o3-mini",
     "OpenAI ships o3-mini as DeepSeek pressure mounts",
     '''OpenAI released o3-mini to free ChatGPT users, its first reasoning model available
     without a subscription. In a public Q&A, Sam Altman said that OpenAI had been on the
     wrong side of history on open weights and needed a different strategy. OpenAI and
     DeepSeek both cut prices this month.'''),
    # ------------------------------------------------------------ 2025-02
    ("2025-02-05", "alphabet-q4-capex",
     "Alphabet to spend $75 billion as Pichai praises DeepSeek",
     '''Alphabet said it expects to spend about $75 billion on capital expenditures in 2025.
     Sundar Pichai said that DeepSeek had done tremendous work but that the Gemini 2.0 Flash
     models were among the most efficient on the market. Google also released an
     experimental Gemini 2.0 Pro.'''),
    ("2025-02-10", "mistral-le-chat-paris-summit",
     "Mistral AI pitches Le Chat as Europe's fastest assistant",
     '''As Paris hosted the AI Action Summit, Mistral AI released mobile apps for Le Chat.
     Mistral AI said Le Chat answered at up to 1,000 words per second, faster than ChatGPT
     and Claude. "Europe does not need to copy OpenAI to compete with it," Arthur Mensch
     said.'''),
    ("2025-02-18", "xai-grok-3-benchmarks",
     "xAI releases Grok 3; OpenAI disputes its chart",
     '''xAI said Grok 3 outperformed Gemini 2.0 Pro, DeepSeek-V3 and GPT-4o on math, science and
     coding benchmarks. Elon Musk called Grok 3 the smartest AI on Earth. OpenAI researchers
     accused xAI of publishing a misleading chart that left out the best scores of
     o3-mini.'''),
    ("2025-02-24", "anthropic-claude-3-7-deepseek-safety",
     "Anthropic ships Claude 3.7 Sonnet; Amodei criticises DeepSeek on safety",
     '''Anthropic released Claude 3.7 Sonnet, its first hybrid reasoning model, and a coding
     agent called Claude Code. In an interview, Dario Amodei said that DeepSeek's model had
     done worse on a bioweapons safety test than any model Anthropic had evaluated. He said it
     was irresponsible of DeepSeek to release R1 without such safeguards.'''),
    # ------------------------------------------------------------ 2025-03
    ("2025-03-07", "kadrey-ruling-march",
     "Judge lets authors' copyright claim against Meta proceed",
     '''Judge Vince Chhabria allowed the core copyright infringement claim in Kadrey v. Meta to
     go forward, while dismissing a claim under California's computer fraud law. The authors
     argue that Meta's use of LibGen to train Llama was not fair use. Meta said it would
     continue to defend the case.'''),
    ("2025-03-12", "google-gemma-3",
     "Google's Gemma 3 says it beats much larger open models",
     '''Google said Gemma 3 27B outperformed Llama 3.1 405B and DeepSeek-V3 in preliminary human
     preference evaluations while fitting on a single GPU. Hugging Face, Ollama and Kaggle
     host the weights.'''),
    ("2025-03-26", "google-gemini-2-5-pro",
     "Gemini 2.5 Pro tops the leaderboard",
     '''Google DeepMind released Gemini 2.5 Pro, a thinking model. Google said Gemini 2.5 Pro
     led OpenAI's o3-mini and Claude 3.7 Sonnet on reasoning and science benchmarks.
     "Congratulations to Google DeepMind, Gemini 2.5 Pro is a big jump," Clem Delangue
     wrote.'''),
]

# ===========================================================================
# 2. Meta AI Blog (Atom 1.0), owner: meta. The speaker is the blog owner.
#    (date, slug, title, author, body)
# ===========================================================================

META_BLOG: list[tuple[str, str, str, str, str]] = [
    ("2023-06-13", "i-jepa-self-supervised-images",
     "I-JEPA: learning about images by predicting the missing parts", "Meta AI",
     '''We are releasing I-JEPA, a self-supervised image model that learns by predicting
     missing regions of an image in an abstract representation space rather than in pixels.
     The approach follows the research agenda Yann LeCun has laid out for systems that learn
     how the world works. Because it ignores details that cannot be predicted, I-JEPA
     trains efficiently: our largest model needed fewer than 72 hours on 16 A100 GPUs.'''),
    ("2023-07-18", "llama-2",
     "Meta and Microsoft introduce the next generation of Llama", "Meta AI",
     '''<p>We are releasing <em>Llama 2</em>, free for research and commercial use, in 7B, 13B
     and 70B sizes.</p>
     <p>We are pleased that Microsoft is our preferred partner: Llama 2 is in the Azure AI
     model catalog and is optimised to run locally on Windows. It is also available through
     AWS, Hugging Face &amp; other providers.</p>
     <p>Our 70B model is on par with GPT-3.5 on many academic benchmarks, and we are open
     about where it still trails GPT-4.</p>'''),
    ("2023-07-21", "llama-2-responsible-use",
     "How we built Llama 2 responsibly", "Meta AI",
     '''Our teams and outside experts red-teamed Llama 2 for hundreds of hours before release.
     We are publishing a responsible use guide and an acceptable use policy alongside the
     weights. We share the goals of the voluntary commitments announced this week with
     Amazon, Anthropic, Google, Microsoft and OpenAI, and we think openness makes those goals
     easier to reach.'''),
    ("2023-08-24", "code-llama",
     "Introducing Code Llama, a state-of-the-art model for coding", "Meta AI",
     '''<p>Code Llama is Llama 2 trained further on code, available in 7B, 13B and 34B
     sizes, plus Python and instruction-tuned versions.</p>
     <p>On HumanEval and MBPP, Code Llama - Python 34B outperforms GPT-3.5 and every other
     openly available model we tested, though GPT-4 remains ahead. It is free for research
     &amp; commercial use.</p>'''),
    ("2023-09-27", "meta-ai-assistant-connect-2023",
     "Introducing Meta AI and new AI experiences across our apps", "Meta AI",
     '''Meta AI is a new assistant you can chat with in WhatsApp, Messenger and Instagram. It
     is built on a custom model based on Llama 2. For questions about current events, Meta AI
     can search the web thanks to our partnership with Microsoft Bing. We are also
     introducing Emu, our image generation model, for stickers and photo edits.'''),
    ("2023-11-16", "emu-video-emu-edit",
     "Emu Video and Emu Edit: new research in generative video and image editing", "Meta AI",
     '''Emu Video generates short clips from a text prompt in two steps, first an image and
     then a video conditioned on both. Emu Edit follows editing instructions precisely while
     leaving the rest of an image untouched. In our human evaluations, raters preferred Emu
     Video over prior published methods on quality and faithfulness to the prompt.'''),
    ("2023-12-05", "ai-alliance",
     "Launching the AI Alliance for open innovation", "Meta AI",
     '''Together with IBM and more than 50 founding members, we are launching the AI Alliance
     to support open, safe and responsible AI. Hugging Face has done more than anyone to make
     open models usable, and we are glad to build the Alliance with them. Members will work
     on benchmarks, tools and open models that anyone can inspect.'''),
    ("2023-12-07", "purple-llama",
     "Purple Llama: open trust and safety tools for generative AI", "Meta AI",
     '''<p>Purple Llama is an umbrella project for open tools that help developers build
     responsibly with generative AI. The first releases are CyberSec Eval, a set of
     cybersecurity benchmarks, and Llama Guard, a safety classifier.</p>
     <p>We are working with AWS, Google Cloud, Microsoft, Nvidia &amp; others to make these
     tools available to their customers.</p>'''),
    ("2024-02-15", "v-jepa",
     "V-JEPA: a step toward machines that understand video", "Yann LeCun",
     '''V-JEPA learns from video by predicting masked regions in an abstract space. It adapts
     to new tasks with only a light layer on top of frozen features. "Generative models
     like the ones behind ChatGPT spend most of their capacity predicting details that do not
     matter," Yann LeCun said. We are releasing V-JEPA under a non-commercial license.'''),
    ("2024-03-12", "building-genai-infrastructure",
     "Building Meta's GenAI infrastructure", "Meta AI",
     '''We are sharing details of two new clusters with 24,576 Nvidia H100 GPUs each, which we
     are using to train Llama 3. By the end of 2024 we aim to have about 350,000 H100s in our
     fleet. We thank Nvidia for a close engineering partnership on networking, storage and
     reliability at this scale.'''),
    ("2024-04-18", "meta-llama-3",
     "Introducing Meta Llama 3: the most capable openly available LLM to date", "Meta AI",
     '''<p>Today we are introducing <em>Meta Llama 3</em>, with pretrained and
     instruction-tuned models in 8B and 70B sizes.</p>
     <p>Llama 3 8B outperforms Gemma 7B and Mistral 7B Instruct on MMLU, GPQA and HumanEval.
     Llama 3 70B outperforms Claude 3 Sonnet and Gemini Pro 1.5 on several benchmarks.</p>
     <p>We are still training models with over 400B parameters &amp; will share more in the
     coming months.</p>'''),
    ("2024-04-18", "meta-ai-assistant-built-with-llama-3",
     "Meet your new assistant: Meta AI, built with Llama 3", "Meta AI",
     '''Meta AI now runs on Llama 3 and is available in more countries and inside the search
     boxes of our apps. It brings in real-time results from both Google and Bing. We believe
     Meta AI is now the most capable assistant that people can use for free.'''),
    ("2024-05-02", "llama-3-two-weeks-in",
     "Llama 3: two weeks in", "Meta AI",
     '''Llama 3 models have been downloaded more than 1.2 million times, and developers have
     already shared over 600 derivative models. Thank you to Hugging Face, AWS and Microsoft
     Azure for making Llama 3 available on day one. Impressive work by the community on
     long-context fine-tunes has surprised even our own team.'''),
    ("2024-06-18", "fair-chameleon-multi-token-prediction",
     "New FAIR releases: Chameleon, multi-token prediction and more", "Meta AI",
     '''Our FAIR team is releasing several research artifacts. Chameleon is a mixed-modal
     model that reads and writes both images and text with a single architecture.
     Multi-token prediction trains language models to predict several future words at once,
     which makes them faster at inference.'''),
    ("2024-07-23", "meta-llama-3-1",
     "Introducing Llama 3.1: our most capable models to date", "Meta AI",
     '''<p>We are releasing <em>Llama 3.1 405B</em>, the largest openly available foundation
     model, together with upgraded 8B and 70B models.</p>
     <p>Llama 3.1 405B is competitive with leading foundation models, including GPT-4, GPT-4o
     and Claude 3.5 Sonnet, across a range of tasks. We trained it on more than 16,000 H100
     GPUs.</p>
     <p>More than 25 partners, including AWS, Nvidia, Microsoft Azure &amp; Google Cloud, offer
     Llama 3.1 from day one.</p>'''),
    ("2024-07-23", "open-source-ai-path-forward",
     "Open source AI is the path forward", "Mark Zuckerberg",
     '''A year ago Llama 2 trailed the frontier. Today Llama 3 is competitive with the most
     advanced models, and we expect future Llama models to become the most advanced in the
     industry. Selling access to a model is not our business, so releasing Llama openly does
     not undercut us the way it would undercut closed providers such as OpenAI. We also
     learned from building on closed mobile platforms, where Apple's rules limited what we
     could ship, and we do not want AI to repeat that.'''),
    ("2024-09-25", "llama-3-2-connect-2024",
     "Llama 3.2: vision models and lightweight models for edge devices", "Meta AI",
     '''Llama 3.2 includes 11B and 90B vision models and 1B and 3B text models that run on
     phones. Our vision models are competitive with Claude 3 Haiku and GPT-4o mini on image
     recognition and visual reasoning. The 3B model outperforms Gemma 2 2.6B and Phi 3.5-mini
     on instruction following and summarization.'''),
    ("2024-10-04", "movie-gen",
     "Movie Gen: a cast of media foundation models", "Meta AI",
     '''Movie Gen generates high-definition video with synchronized audio from a text prompt,
     and edits existing video from instructions. In blind human evaluations, Movie Gen video
     generation was preferred over OpenAI's Sora on overall quality. We are sharing a
     detailed research paper and will work with filmmakers before any release.'''),
    ("2024-11-04", "llama-us-national-security",
     "Open source AI can help America lead", "Meta AI",
     '''We are making Llama available to US government agencies and to contractors supporting
     their work on national security. We are working with Amazon Web Services, Microsoft,
     Oracle and others to bring Llama to these customers. Open models help the US set global
     standards for AI.'''),
    ("2024-12-06", "llama-3-3",
     "Llama 3.3 70B: frontier performance at a lower cost", "Meta AI",
     '''Llama 3.3 70B delivers performance close to Llama 3.1 405B at a fraction of the serving
     cost. On IFEval, Llama 3.3 70B outperforms Gemini Pro 1.5 and GPT-4o. The model is
     available today on Hugging Face and from our cloud partners.'''),
    ("2025-01-28", "deepseek-and-open-research",
     "What DeepSeek shows about open research", "Yann LeCun",
     '''<p>Congratulations to the DeepSeek team on <em>DeepSeek R1</em>: impressive work that
     builds on open research, including PyTorch and Llama.</p>
     <p>The lesson is not that one country has overtaken another. It is that open models are
     catching up with, and in places passing, proprietary ones such as OpenAI's o1.</p>
     <p>We will learn from their work, as they learned from ours &amp; from everyone who
     publishes.</p>'''),
    ("2025-03-18", "llama-one-billion-downloads",
     "Llama passes one billion downloads", "Meta AI",
     '''Llama models have now been downloaded more than one billion times. Thank you to the
     developers and to partners including AWS, Microsoft Azure, Google Cloud and Nvidia who
     made this possible. The next generation of Llama is coming soon.'''),
]

# ===========================================================================
# 3. OpenAI News (sample), RSS 2.0, owner: openai.
#    (date, slug, title, body)
# ===========================================================================

OPENAI_BLOG: list[tuple[str, str, str, str]] = [
    ("2023-07-06", "gpt-4-api-general-availability",
     "GPT-4 API general availability",
     '''Starting today, all paying API customers have access to GPT-4 with 8K context. We are
     also moving older completions models toward retirement and recommend that developers
     switch to the Chat Completions API.'''),
    ("2023-07-26", "frontier-model-forum",
     "Frontier Model Forum",
     '''Together with Anthropic, Google and Microsoft, we are launching the Frontier Model
     Forum, an industry body focused on the safe development of frontier AI models. We are
     grateful to Anthropic, Google and Microsoft for working with us on shared safety
     research and best practices.'''),
    ("2023-08-28", "introducing-chatgpt-enterprise",
     "Introducing ChatGPT Enterprise",
     '''ChatGPT Enterprise offers enterprise-grade security and privacy, unlimited
     higher-speed GPT-4 access and longer context windows. We do not train on business data
     or conversations, and all conversations are encrypted in transit and at rest.'''),
    ("2023-09-25", "chatgpt-can-now-see-hear-and-speak",
     "ChatGPT can now see, hear and speak",
     '''We are rolling out voice and image capabilities in ChatGPT. You can now have a voice
     conversation with ChatGPT or show it a picture and ask about it. Plus and Enterprise
     users get access over the next two weeks.'''),
    ("2023-11-06", "new-models-and-developer-products-devday",
     "New models and developer products announced at DevDay",
     '''<p>Today we shared dozens of new additions, including <em>GPT-4 Turbo</em> with a
     128K context window and lower prices, a new Assistants API and custom GPTs.</p>
     <p>We are grateful to Microsoft, whose Azure supercomputers make GPT-4 Turbo possible
     &amp; who will offer the same models to its customers.</p>'''),
    ("2023-11-29", "sam-altman-returns-as-ceo",
     "Sam Altman returns as CEO, OpenAI has a new initial board",
     '''I am returning to OpenAI as CEO. I am deeply grateful to Satya Nadella and Microsoft
     for their support during a very hard week. Microsoft will join the board as a non-voting
     observer. Our three immediate priorities are research, product and governance.'''),
    ("2024-01-10", "introducing-the-gpt-store",
     "Introducing the GPT Store",
     '''The GPT Store is rolling out to ChatGPT Plus, Team and Enterprise users. It features
     popular and trending GPTs across writing, research, programming and education. Builders
     in the US will soon be paid based on how many people use their GPTs.'''),
    ("2024-03-05", "openai-elon-musk",
     "OpenAI and Elon Musk",
     '''We are dedicated to the OpenAI mission and intend to move to dismiss the lawsuit that
     Elon Musk has filed against us. In 2017 Elon Musk wanted majority equity, board control
     and the CEO role, and later proposed merging OpenAI into Tesla. It is sad to be in a
     dispute with someone whose early support we valued.'''),
    ("2024-05-13", "hello-gpt-4o",
     "Hello GPT-4o",
     '''<p>We are announcing <em>GPT-4o</em>, our new flagship model that reasons across audio,
     vision and text in real time.</p>
     <p>GPT-4o matches GPT-4 Turbo on English text and code. On MMLU it sets a new high score,
     ahead of Claude 3 Opus, Gemini Ultra 1.0 and the Llama 3 400B preview.</p>
     <p>It is available to free &amp; paid ChatGPT users starting today.</p>'''),
    ("2024-06-10", "openai-and-apple-announce-partnership",
     "OpenAI and Apple announce partnership",
     '''Apple is integrating ChatGPT into experiences within iOS, iPadOS and macOS, so users can
     reach ChatGPT from Siri and Writing Tools without switching apps. "Apple cares about
     privacy as much as we do, which made this an easy partnership," Sam Altman said.
     Requests are not stored by OpenAI, and IP addresses are obscured.'''),
    ("2024-07-18", "gpt-4o-mini",
     "GPT-4o mini: advancing cost-efficient intelligence",
     '''GPT-4o mini is our most cost-efficient small model, priced at 15 cents per million input
     tokens. It scores 82% on MMLU and outperforms Gemini Flash and Claude Haiku on
     reasoning, math and coding benchmarks.'''),
    ("2024-09-12", "introducing-openai-o1-preview",
     "Introducing OpenAI o1-preview",
     '''We are releasing a preview of OpenAI o1, a new series of models designed to spend more
     time thinking before they respond. On a qualifying exam for the International
     Mathematics Olympiad, o1 solved 83% of problems, compared with 13% for GPT-4o.'''),
    ("2024-10-02", "scale-the-benefits-of-ai",
     "New funding to scale the benefits of AI",
     '''We raised $6.6 billion in new funding at a $157 billion post-money valuation. More than
     250 million people use ChatGPT every week. We thank Microsoft and Nvidia, among many
     others, for their continued support.'''),
    ("2024-12-05", "introducing-chatgpt-pro",
     "Introducing ChatGPT Pro",
     '''ChatGPT Pro is a $200 monthly plan with unlimited access to our smartest model, OpenAI
     o1, as well as o1-mini and GPT-4o. It also includes o1 pro mode, which uses more compute
     to think harder on the most difficult problems.'''),
    ("2025-01-21", "announcing-the-stargate-project",
     "Announcing the Stargate Project",
     '''The Stargate Project is a new company that intends to invest $500 billion over the next
     four years to build AI infrastructure for OpenAI in the United States. Arm, Microsoft,
     Nvidia, Oracle and OpenAI are the key initial technology partners. We will keep
     increasing our consumption of Azure as we continue our work with Microsoft.'''),
    ("2025-01-29", "statement-on-model-distillation",
     "Our statement on model distillation",
     '''We are aware of and reviewing indications that DeepSeek may have inappropriately
     distilled our models. We take aggressive, proactive countermeasures to protect our
     technology and will share information as we know more. It is critically important that
     we work closely with the US government to protect the most capable models.'''),
    ("2025-01-31", "openai-o3-mini",
     "OpenAI o3-mini",
     '''We are releasing OpenAI o3-mini, the newest and most cost-efficient model in our
     reasoning series, in ChatGPT and the API. For the first time, free ChatGPT users can try
     a reasoning model by selecting Reason in the message composer.'''),
    ("2025-02-02", "introducing-deep-research",
     "Introducing deep research",
     '''<p>Deep research is an agent in ChatGPT that finds, analyzes and synthesizes hundreds of
     online sources into a report.</p>
     <p>On Humanity's Last Exam, deep research scores 26.6%, well ahead of DeepSeek R1, Claude
     3.5 Sonnet, Gemini Thinking and Grok-2.</p>
     <p>It is available to Pro users today &amp; to Plus users soon.</p>'''),
    ("2025-03-11", "new-tools-for-building-agents",
     "New tools for building agents",
     '''We are launching the Responses API, built-in tools for web search, file search and
     computer use, and an open-source Agents SDK. Together they make it easier for developers
     to build reliable agents.'''),
]

# ===========================================================================
# 4. EDGAR-style combined filings feed (Atom).
# ===========================================================================

FILERS: dict[str, dict[str, str]] = {
    "meta": {"cik": "0001326801", "name": "Meta Platforms, Inc.", "file_number": "001-35551",
             "sic": "7370", "sic_desc": "SERVICES-COMPUTER PROGRAMMING, DATA PROCESSING, ETC.",
             "state": "CA", "fye": "1231"},
    "microsoft": {"cik": "0000789019", "name": "MICROSOFT CORP", "file_number": "001-37845",
                  "sic": "7372", "sic_desc": "SERVICES-PREPACKAGED SOFTWARE",
                  "state": "WA", "fye": "0630"},
    "nvidia": {"cik": "0001045810", "name": "NVIDIA CORP", "file_number": "000-23985",
               "sic": "3674", "sic_desc": "SEMICONDUCTORS & RELATED DEVICES",
               "state": "CA", "fye": "0126"},
    "alphabet": {"cik": "0001652044", "name": "Alphabet Inc.", "file_number": "001-37580",
                 "sic": "7370", "sic_desc": "SERVICES-COMPUTER PROGRAMMING, DATA PROCESSING, ETC.",
                 "state": "CA", "fye": "1231"},
    "amazon": {"cik": "0001018724", "name": "AMAZON COM INC", "file_number": "000-22513",
               "sic": "5961", "sic_desc": "RETAIL-CATALOG & MAIL-ORDER HOUSES",
               "state": "WA", "fye": "1231"},
}

FORM_NAMES = {
    "10-K": "Annual report [Section 13 and 15(d), not S-K Item 405]",
    "10-Q": "Quarterly report [Sections 13 or 15(d)]",
    "8-K": "Current report",
}

# (filer, form, filing date, accession sequence, size, items, summary sentences)
FILINGS: list[tuple[str, str, str, int, str, str, str]] = [
    ("meta", "10-Q", "2023-07-27", 67, "7 MB", "",
     '''We face significant competition in generative AI from companies such as Google,
     Microsoft and OpenAI, some of which have more experience offering AI products to
     businesses. If we do not keep pace with these competitors, our Llama models may not be
     widely adopted.'''),
    ("meta", "10-Q", "2023-10-26", 93, "7 MB", "",
     '''Competition in artificial intelligence has intensified, and companies such as OpenAI,
     Google, Microsoft and Amazon are investing heavily in large language models. We may be
     unable to obtain enough GPUs from Nvidia on acceptable terms.'''),
    ("meta", "10-K", "2024-02-02", 12, "14 MB", "",
     '''We compete with companies that develop AI technologies, including Alphabet, Amazon,
     Apple, Microsoft and OpenAI. We face significant competition from OpenAI, Google and
     Anthropic in generative AI, and competitors may release models that are more capable
     than Llama.'''),
    ("meta", "8-K", "2024-04-24", 44, "1 MB", "items 2.02 and 9.01",
     '''On April 24, 2024, Meta Platforms, Inc. announced its financial results for the quarter
     ended March 31, 2024. The press release states that Meta AI, now built with Llama 3,
     competes with assistants from OpenAI and Google.'''),
    ("meta", "10-Q", "2024-07-31", 69, "8 MB", "",
     '''We are subject to lawsuits alleging that the training of our Llama models infringed
     copyrights, including claims by authors. Competitors such as OpenAI, Microsoft and
     Google face similar claims, and adverse rulings could limit the data available to the
     industry.'''),
    ("meta", "10-K", "2025-01-30", 17, "15 MB", "",
     '''We face significant competition in generative AI from OpenAI, Google, Anthropic and
     Microsoft. Newer entrants such as DeepSeek have released open models at low cost, which
     could reduce the advantages of Llama.'''),
    ("microsoft", "10-K", "2023-07-27", 14, "11 MB", "",
     '''Our AI offerings, including Copilot and Azure OpenAI Service, compete with those of
     Amazon, Google and Meta. Our partnership with OpenAI is important to our AI strategy,
     and a change in that relationship could harm our business.'''),
    ("microsoft", "10-Q", "2024-01-30", 8, "6 MB", "",
     '''Competitors such as Google, Amazon and Meta offer or are developing AI models and
     assistants that compete with Copilot. We also face competition from open models
     released by Meta and Mistral AI that are available at low cost.'''),
    ("microsoft", "10-K", "2024-07-30", 56, "12 MB", "",
     '''OpenAI is a strategic partner and also competes with us in AI offerings and in search
     and news advertising. Other competitors in AI include Amazon, Anthropic, Google and
     Meta.'''),
    ("microsoft", "8-K", "2025-01-29", 10, "1 MB", "items 2.02 and 9.01",
     '''Microsoft Corporation announced its results for the quarter ended December 31, 2024.
     Azure AI Foundry now offers models from OpenAI, Meta, Mistral AI and DeepSeek.'''),
    ("nvidia", "10-Q", "2023-08-30", 175, "5 MB", "",
     '''Demand for our data center products, including H100, is driven by large cloud
     providers and consumer internet companies such as Microsoft, Amazon, Google and Meta.
     Several of these customers are also developing their own AI chips.'''),
    ("nvidia", "10-K", "2024-02-21", 29, "9 MB", "",
     '''We face competition from large cloud services companies that design their own hardware
     and software for AI, including Alibaba, Alphabet, Amazon and Microsoft. These
     companies may reduce their purchases of our products as their own chips improve.'''),
    ("nvidia", "8-K", "2024-05-22", 113, "1 MB", "items 2.02 and 9.01",
     '''NVIDIA reported record revenue for the first quarter of fiscal 2025. Data center demand
     was led by customers including Meta, OpenAI and xAI, which are building large H100
     clusters.'''),
    ("nvidia", "10-K", "2025-02-26", 23, "10 MB", "",
     '''Our competitors include AMD and Intel, as well as Alphabet, Amazon and Microsoft, which
     are developing their own AI accelerators. Advances in model efficiency, such as those
     demonstrated by DeepSeek, could change the demand for our products.'''),
    ("alphabet", "10-K", "2024-01-31", 22, "13 MB", "",
     '''We face formidable competition in AI from companies such as Microsoft, OpenAI, Meta,
     Amazon and Anthropic. Rapid adoption of generative AI products such as ChatGPT could
     change how users search for information.'''),
    ("alphabet", "10-Q", "2024-04-26", 53, "7 MB", "",
     '''Competition in generative AI is intense, and OpenAI, Microsoft, Meta and Anthropic have
     released models and assistants that compete with Gemini. We may not be able to keep
     pace with their release schedules.'''),
    ("alphabet", "8-K", "2024-10-29", 112, "1 MB", "items 2.02 and 9.01",
     '''Alphabet Inc. announced financial results for the quarter ended September 30, 2024.
     Google Cloud revenue grew 35%, and customers continue to compare Gemini with models from
     OpenAI and Anthropic.'''),
    ("alphabet", "10-K", "2025-02-05", 14, "14 MB", "",
     '''We face significant competition in AI from OpenAI, Microsoft, Meta, Anthropic, xAI and
     DeepSeek, among others. New entrants with lower-cost models could reduce demand for our
     AI offerings.'''),
    ("amazon", "10-Q", "2023-10-27", 18, "6 MB", "",
     '''We have agreed to invest up to $4 billion in Anthropic. AWS faces competition from
     Microsoft and Google, which offer models from OpenAI and Google DeepMind to cloud
     customers.'''),
    ("amazon", "10-K", "2024-02-02", 8, "12 MB", "",
     '''AWS competes with Microsoft, Google and Alibaba in cloud services and generative AI.
     Through Amazon Bedrock, we offer models from Anthropic, Meta, Cohere and Mistral AI
     alongside our own.'''),
    ("amazon", "8-K", "2024-04-30", 81, "1 MB", "items 2.02 and 9.01",
     '''Amazon.com, Inc. announced financial results for its first quarter ended March 31,
     2024. Bedrock customers can now use Claude 3 from Anthropic and Llama 3 from Meta.'''),
    ("amazon", "10-K", "2025-02-07", 4, "13 MB", "",
     '''We face intense competition in AI from Microsoft, Google, Meta and OpenAI, and from newer
     model developers such as DeepSeek. Our investment in Anthropic may not produce the
     returns we expect.'''),
]

# ===========================================================================
# 5. PACER CM/ECF-style docket feed: Kadrey v. Meta Platforms, Inc.
#    (date, time HH:MM:SS in GMT, docket entry number, short docket text)
# ===========================================================================

CASE_NUMBER = "3:23-cv-03417-VC"
CASE_NAME = "Kadrey et al v. Meta Platforms, Inc."
CASE_ID = "415175"

DOCKET: list[tuple[str, str, int, str]] = [
    ("2023-07-07", "21:14:02", 1, "Complaint"),
    ("2023-07-10", "17:40:55", 8, "Order Reassigning Case"),
    ("2023-07-12", "23:05:31", 11, "Order Relating Case"),
    ("2023-09-18", "22:48:17", 23, "Motion to Dismiss"),
    ("2023-10-18", "20:31:46", 35, "Opposition/Response to Motion"),
    ("2023-11-09", "19:02:10", 52, "Motion Hearing"),
    ("2023-11-20", "18:27:39", 56, "Order on Motion to Dismiss"),
    ("2023-12-11", "22:55:04", 64, "Amended Complaint"),
    ("2024-02-27", "00:12:50", 94, "Case Management Statement"),
    ("2024-06-12", "21:36:22", 127, "Discovery Letter Brief"),
    ("2024-09-20", "16:44:08", 174, "Order on Discovery Letter Brief"),
    ("2024-11-25", "23:18:41", 301, "Administrative Motion to File Under Seal"),
    ("2025-01-06", "22:09:15", 364, "Motion for Leave to File Amended Complaint"),
    ("2025-01-08", "19:47:33", 373, "Order on Administrative Motion to File Under Seal"),
    ("2025-01-10", "01:22:48", 380, "Exhibits"),
    ("2025-01-14", "23:51:07", 391, "Reply to Opposition/Response"),
    ("2025-01-27", "18:35:29", 399, "Transcript of Proceedings"),
    ("2025-02-05", "20:03:12", 407, "Amended Complaint"),
    ("2025-03-07", "17:26:54", 417, "Order on Motion to Dismiss"),
    ("2025-03-24", "23:40:19", 431, "Motion for Partial Summary Judgment"),
]

# fmt: on

# ===========================================================================
# Feed metadata and the manifest
# ===========================================================================

SAMPLE_NOTE = (
    "Sample feed bundled with rivalwatch for the offline demo. Written for testing; "
    "quotations attributed to real people are invented unless on the public record."
)

MANIFEST: list[dict[str, str]] = [
    {"file": "ai-wire.xml", "name": "ai-wire", "kind": "news", "owner": ""},
    {"file": "meta-ai-blog.xml", "name": "meta-ai-blog", "kind": "blog", "owner": "meta"},
    {"file": "openai-blog.xml", "name": "openai-blog", "kind": "blog", "owner": "openai"},
    {"file": "edgar-filings.xml", "name": "edgar-filings", "kind": "edgar", "owner": ""},
    {"file": "kadrey-docket.xml", "name": "kadrey-docket", "kind": "docket", "owner": ""},
]

# Filing documents for the demo, hand-written in pipelines/samples/filings/
# (10-K-style HTML with "Competition" and "Risk Factors" sections; not copies of
# real filings). `rivalwatch demo` attaches each to the sample EDGAR entry with
# its accession number, as a refresh would fetch the primary document.
DOCUMENTS: list[dict[str, str]] = [
    {"accession": "0001326801-25-000017", "file": "filings/meta-10k-2024.html"},
    {"accession": "0000789019-24-000056", "file": "filings/microsoft-10k-2024.html"},
    {"accession": "0001045810-25-000023", "file": "filings/nvidia-10k-2025.html"},
    {"accession": "0001652044-25-000014", "file": "filings/alphabet-10k-2024.html"},
]

# ===========================================================================
# Writers
# ===========================================================================

XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


def clean(text: str) -> str:
    """Collapse the source-code indentation of a body into single spaces."""
    return " ".join(text.split())


def when(date: str, key: str, hour_lo: int = 8, hour_span: int = 11) -> datetime:
    """A deterministic time of day for an item, derived from its key (UTC)."""
    h = zlib.crc32(key.encode("utf-8"))
    day = datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=UTC)
    return day + timedelta(
        hours=hour_lo + h % hour_span, minutes=(h >> 8) % 60, seconds=(h >> 16) % 60
    )


def rfc822(dt: datetime, gmt: bool = False) -> str:
    return format_datetime(dt, usegmt=gmt)


def rfc3339(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + _offset(dt)


def _offset(dt: datetime) -> str:
    off = dt.utcoffset() or timedelta(0)
    if off == timedelta(0):
        return "Z"
    total = int(off.total_seconds() // 60)
    sign = "-" if total < 0 else "+"
    return f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


def us_eastern(dt_utc: datetime) -> datetime:
    """Approximate US Eastern time (good enough for sample filing timestamps)."""
    m, d = dt_utc.month, dt_utc.day
    dst = 4 <= m <= 10 or (m == 3 and d >= 10) or (m == 11 and d < 5)
    return dt_utc.astimezone(timezone(timedelta(hours=-4 if dst else -5)))


def el(tag: str, text: str, indent: int, attrs: str = "") -> str:
    return f"{' ' * indent}<{tag}{attrs}>{escape(text)}</{tag}>\n"


def rss_document(
    title: str, link: str, description: str, self_href: str, items: list[dict[str, str]]
) -> str:
    """An RSS 2.0 document; items are dicts with title/link/guid/permalink/date/description."""
    items = sorted(items, key=lambda i: i["sort"], reverse=True)
    out = [
        XML_DECL,
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n',
        "  <channel>\n",
        el("title", title, 4),
        el("link", link, 4),
        el("description", description, 4),
        el("language", "en-us", 4),
        el("lastBuildDate", items[0]["date"], 4),
        f'    <atom:link href={quoteattr(self_href)} rel="self" type="application/rss+xml"/>\n',
    ]
    for item in items:
        out.append("    <item>\n")
        out.append(el("title", item["title"], 6))
        out.append(el("link", item["link"], 6))
        out.append(el("guid", item["guid"], 6, f' isPermaLink="{item["permalink"]}"'))
        out.append(el("pubDate", item["date"], 6))
        out.append(el("description", item["description"], 6))
        out.append("    </item>\n")
    out.append("  </channel>\n</rss>\n")
    return "".join(out)


def build_ai_wire() -> str:
    items = []
    for date, slug, title, body in NEWS:
        dt = when(date, slug)
        items.append(
            {
                "sort": dt.isoformat() + slug,
                "title": title,
                "link": f"https://aiwire.example.com/{date[:4]}/{date[5:7]}/{slug}",
                "guid": f"tag:aiwire.example.com,{date}:{slug}",
                "permalink": "false",
                "date": rfc822(dt),
                "description": clean(body),
            }
        )
    return rss_document(
        "AI Wire",
        "https://aiwire.example.com/",
        "AI Wire covers the companies building artificial intelligence. " + SAMPLE_NOTE,
        "https://aiwire.example.com/feed.xml",
        items,
    )


def build_openai_blog() -> str:
    items = []
    for date, slug, title, body in OPENAI_BLOG:
        dt = when(date, slug, hour_lo=15, hour_span=6)
        link = f"https://openai.com/index/{slug}/"
        items.append(
            {
                "sort": dt.isoformat() + slug,
                "title": title,
                "link": link,
                "guid": link,
                "permalink": "true",
                "date": rfc822(dt),
                "description": clean(body),
            }
        )
    return rss_document(
        "OpenAI News (sample)",
        "https://openai.com/news/",
        "Imitation of a company news feed. " + SAMPLE_NOTE,
        "https://openai.com/news/rss.xml",
        items,
    )


def build_meta_blog() -> str:
    entries = []
    for date, slug, title, author, body in META_BLOG:
        dt = when(date, slug, hour_lo=13, hour_span=6)
        entries.append((dt, slug, title, author, clean(body)))
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    out = [
        XML_DECL,
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n',
        el("title", "Meta AI Blog", 2),
        el("subtitle", "Imitation of a company research blog. " + SAMPLE_NOTE, 2),
        el("id", "https://ai.meta.com/blog/", 2),
        '  <link rel="alternate" type="text/html" href="https://ai.meta.com/blog/"/>\n',
        '  <link rel="self" type="application/atom+xml" '
        'href="https://ai.meta.com/blog/atom.xml"/>\n',
        el("updated", rfc3339(entries[0][0]), 2),
        "  <author>\n",
        el("name", "Meta AI", 4),
        "  </author>\n",
    ]
    for dt, slug, title, author, body in entries:
        link = f"https://ai.meta.com/blog/{slug}/"
        out.append("  <entry>\n")
        out.append(el("title", title, 4))
        out.append(f'    <link rel="alternate" type="text/html" href={quoteattr(link)}/>\n')
        out.append(el("id", f"tag:ai.meta.com,{dt:%Y-%m-%d}:/blog/{slug}/", 4))
        out.append(el("published", rfc3339(dt), 4))
        out.append(el("updated", rfc3339(dt), 4))
        out.append("    <author>\n" + el("name", author, 6) + "    </author>\n")
        if body.startswith("<"):
            out.append(el("content", body, 4, ' type="html"'))
        else:
            out.append(el("summary", body, 4, ' type="text"'))
        out.append("  </entry>\n")
    out.append("</feed>\n")
    return "".join(out)


def _browse(query: str) -> str:
    return "https://www.sec.gov/cgi-bin/browse-edgar?" + query


def build_edgar() -> str:
    rows = []
    for filer_key, form, date, seq, size, items_desc, sentences in FILINGS:
        filer = FILERS[filer_key]
        cik = filer["cik"]
        accession = f"{cik}-{date[2:4]}-{seq:06d}"
        plain_cik = str(int(cik))
        filing_href = (
            f"https://www.sec.gov/Archives/edgar/data/{plain_cik}/"
            f"{accession.replace('-', '')}/{accession}-index.htm"
        )
        crc = zlib.crc32(accession.encode("ascii"))
        film = f"{date[2:4]}{crc % 10_000_000:07d}"
        dt = us_eastern(when(date, accession, hour_lo=10, hour_span=12))
        rows.append(
            (
                dt,
                accession,
                filer,
                form,
                date,
                size,
                items_desc,
                clean(sentences),
                filing_href,
                film,
                plain_cik,
            )
        )
    rows.sort(key=lambda r: (r[0], r[1]), reverse=True)

    out = [
        XML_DECL,
        '<feed xmlns="http://www.w3.org/2005/Atom">\n',
        "  <author>\n",
        el("email", "webmaster@sec.gov", 4),
        el("name", "Webmaster", 4),
        "  </author>\n",
    ]
    for (
        dt,
        accession,
        filer,
        form,
        date,
        size,
        items_desc,
        sentences,
        filing_href,
        film,
        plain_cik,
    ) in rows:
        cik = filer["cik"]
        file_number = filer["file_number"]
        out.append("  <entry>\n")
        out.append(
            f'    <category label="form type" scheme="https://www.sec.gov/" term="{form}"/>\n'
        )
        out.append('    <content type="text/xml">\n')
        out.append(el("accession-number", accession, 6))
        out.append(el("act", "34", 6))
        out.append("      <company-info>\n")
        out.append(el("cik", cik, 8))
        out.append(el("conformed-name", filer["name"], 8))
        out.append(el("assigned-sic", filer["sic"], 8))
        out.append(el("assigned-sic-desc", filer["sic_desc"], 8))
        out.append(el("fiscal-year-end", filer["fye"], 8))
        out.append(el("state-location", filer["state"], 8))
        out.append("      </company-info>\n")
        out.append(el("file-number", file_number, 6))
        out.append(
            el(
                "file-number-href",
                _browse(f"action=getcompany&filenum={file_number}&owner=include&count=40"),
                6,
            )
        )
        out.append(el("filing-date", date, 6))
        out.append(el("filing-href", filing_href, 6))
        out.append(el("filing-type", form, 6))
        out.append(el("film-number", film, 6))
        out.append(el("form-name", FORM_NAMES[form], 6))
        if items_desc:
            out.append(el("items-desc", items_desc, 6))
        out.append(el("size", size, 6))
        if form in ("10-K", "10-Q"):
            out.append(
                el(
                    "xbrl_href",
                    (
                        f"https://www.sec.gov/cgi-bin/viewer?action=view&cik={plain_cik}"
                        f"&accession_number={accession}&xbrl_type=v"
                    ),
                    6,
                )
            )
        out.append("    </content>\n")
        out.append(el("id", f"urn:tag:sec.gov,2008:accession-number={accession}", 4))
        out.append(f'    <link href={quoteattr(filing_href)} rel="alternate" type="text/html"/>\n')
        summary = (
            f"<p><b>Filed:</b> {date} <b>AccNo:</b> {accession} "
            f"<b>Size:</b> {size}</p><p>{sentences}</p>"
        )
        out.append(el("summary", summary, 4, ' type="html"'))
        out.append(el("title", f"{form} - {filer['name']} ({cik}) (Filer)", 4))
        out.append(el("updated", rfc3339(dt), 4))
        out.append("  </entry>\n")
    newest = rows[0][0]
    out += [
        el("id", _browse("action=getcurrent&sample=rivalwatch-ai-filers"), 2),
        f'  <link href={quoteattr(_browse("action=getcurrent"))} rel="alternate" '
        f'type="text/html"/>\n',
        el("title", "EDGAR filings: Meta, Microsoft, Nvidia, Alphabet, Amazon (sample)", 2),
        el(
            "subtitle", "Combined company filings feed in the style of SEC EDGAR. " + SAMPLE_NOTE, 2
        ),
        el("updated", rfc3339(newest), 2),
        "</feed>\n",
    ]
    return "".join(out)


def build_docket() -> str:
    items = []
    base = "https://ecf.cand.uscourts.gov"
    for date, clock, number, text in DOCKET:
        dt = datetime.strptime(f"{date} {clock}", "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        seq = number * 3 + 2  # de_seq_num differs from the entry number, as on CM/ECF
        doc_id = f"035{zlib.crc32(f'{CASE_ID}-{number}'.encode()) % 10**9:09d}"
        doc = f"{base}/doc1/{doc_id}?caseid={CASE_ID}&de_seq_num={seq}"
        description = f"[{text}] (<a href='{doc}'>{number}</a>)"
        items.append(
            {
                "sort": dt.isoformat(),
                "title": f"{CASE_NUMBER} {CASE_NAME}",
                "link": doc,
                "guid": f"{base}/cgi-bin/DktRpt.pl?{CASE_ID}&{seq}",
                "permalink": "true",
                "date": rfc822(dt, gmt=True),
                "description": description,
            }
        )
    return rss_document(
        "California Northern District Court - Recent Entries (sample)",
        base,
        "Docket entries of type: all. " + SAMPLE_NOTE,
        f"{base}/cgi-bin/rss_outside.pl",
        items,
    )


def build_manifest() -> str:
    lines = [
        "# Bundled offline demo feeds, written by scripts/make_samples.py.",
        "# One [[feed]] per file: name becomes `feed` in the views; owner is the",
        '# speaker for a company\'s own feed ("" for none).',
        "",
    ]
    for feed in MANIFEST:
        lines.append("[[feed]]")
        for key in ("file", "name", "kind", "owner"):
            lines.append(f'{key} = "{feed[key]}"')
        lines.append("")
    lines += [
        "# Filing documents (hand-written, in filings/), attached by accession number",
        "# to the sample EDGAR entries, as a refresh would fetch their primary documents.",
        "",
    ]
    for document in DOCUMENTS:
        lines.append("[[document]]")
        for key in ("accession", "file"):
            lines.append(f'{key} = "{document[key]}"')
        lines.append("")
    return "\n".join(lines)


BUILDERS = {
    "ai-wire.xml": build_ai_wire,
    "meta-ai-blog.xml": build_meta_blog,
    "openai-blog.xml": build_openai_blog,
    "edgar-filings.xml": build_edgar,
    "kadrey-docket.xml": build_docket,
}


def check() -> None:
    """Cheap sanity checks on the data before writing."""
    slugs = [s for _, s, _, _ in NEWS]
    assert len(slugs) == len(set(slugs)), "duplicate news slug"
    assert len({s for _, s, *_ in META_BLOG}) == len(META_BLOG), "duplicate meta slug"
    assert len({s for _, s, *_ in OPENAI_BLOG}) == len(OPENAI_BLOG), "duplicate openai slug"
    accessions = {(f, d[2:4], n) for f, _, d, n, *_ in FILINGS}
    assert len(accessions) == len(FILINGS), "duplicate accession"
    assert len({n for *_, n, _ in DOCKET}) == len(DOCKET), "duplicate docket number"
    assert len(NEWS) >= 90 and len(META_BLOG) >= 20 and len(OPENAI_BLOG) >= 15
    assert len(FILINGS) >= 15 and len(DOCKET) >= 15
    assert {m["file"] for m in MANIFEST} == set(BUILDERS)
    filed = {f"{FILERS[f]['cik']}-{d[2:4]}-{n:06d}" for f, _, d, n, *_ in FILINGS}
    for document in DOCUMENTS:
        assert document["accession"] in filed, f"no sample filing {document['accession']}"
        assert (OUT_DIR / document["file"]).is_file(), f"missing {document['file']}"


def main() -> None:
    check()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        (OUT_DIR / name).write_bytes(build().encode("utf-8"))
    (OUT_DIR / "manifest.toml").write_bytes(build_manifest().encode("utf-8"))
    total = len(NEWS) + len(META_BLOG) + len(OPENAI_BLOG) + len(FILINGS) + len(DOCKET)
    print(f"wrote {len(BUILDERS) + 1} files to {OUT_DIR} ({total} items)")


if __name__ == "__main__":
    main()
