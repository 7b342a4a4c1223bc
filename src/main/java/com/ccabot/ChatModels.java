package com.ccabot;

import com.ccabot.config.Config.LlmSettings;
import com.ccabot.config.ConfigException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds the langchain4j chat model an LLM backend talks to, from the {@code llm.*} settings. */
public final class ChatModels {

    static final String OPENAI_URL = "https://api.openai.com/v1";
    static final String OLLAMA_URL = "http://localhost:11434";

    private ChatModels() {}

    public static ChatModel of(String backend, LlmSettings llm, String apiKey) {
        return switch (backend) {
            case "openai" -> openAi(llm, apiKey);
            case "ollama" -> ollama(llm);
            default -> throw new IllegalArgumentException("not an LLM backend: " + backend);
        };
    }

    /** The same model, streaming its answers. */
    public static StreamingChatModel streaming(String backend, LlmSettings llm, String apiKey) {
        return switch (backend) {
            case "openai" -> OpenAiStreamingChatModel.builder()
                    .baseUrl(openAiUrl(llm))
                    .apiKey(apiKey == null ? "none" : apiKey)
                    .modelName(openAiModel(llm))
                    .temperature(llm.temperature())
                    .maxTokens(llm.maxTokens())
                    .timeout(llm.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case "ollama" -> OllamaStreamingChatModel.builder()
                    .baseUrl(ollamaUrl(llm))
                    .modelName(ollamaModel(llm))
                    .temperature(llm.temperature())
                    .numPredict(llm.maxTokens())
                    .timeout(llm.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            default -> throw new IllegalArgumentException("not an LLM backend: " + backend);
        };
    }

    private static String openAiUrl(LlmSettings llm) {
        return llm.baseUrl().isEmpty() ? OPENAI_URL : llm.baseUrl();
    }

    private static String openAiModel(LlmSettings llm) {
        return llm.model().isEmpty() ? "gpt-4o-mini" : llm.model();
    }

    private static String ollamaUrl(LlmSettings llm) {
        return llm.baseUrl().isEmpty() ? OLLAMA_URL : llm.baseUrl();
    }

    private static String ollamaModel(LlmSettings llm) {
        return llm.model().isEmpty() ? "llama3.1" : llm.model();
    }

    private static ChatModel openAi(LlmSettings llm, String apiKey) {
        String url = openAiUrl(llm);
        if (apiKey == null && url.equals(OPENAI_URL)) {
            throw new ConfigException("answer.backend openai needs an API key: export LLM_API_KEY (or OPENAI_API_KEY),"
                    + " or set llm.base-url to a server that needs none");
        }
        return OpenAiChatModel.builder()
                .baseUrl(url)
                // local OpenAI-compatible servers (llama.cpp, vLLM, LM Studio) often need no key at all
                .apiKey(apiKey == null ? "none" : apiKey)
                .modelName(openAiModel(llm))
                .temperature(llm.temperature())
                .maxTokens(llm.maxTokens())
                .timeout(llm.timeout())
                .maxRetries(llm.retries())
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static ChatModel ollama(LlmSettings llm) {
        return OllamaChatModel.builder()
                .baseUrl(ollamaUrl(llm))
                .modelName(ollamaModel(llm))
                .temperature(llm.temperature())
                .numPredict(llm.maxTokens())
                .timeout(llm.timeout())
                .maxRetries(llm.retries())
                .logRequests(false)
                .logResponses(false)
                .build();
    }
}
