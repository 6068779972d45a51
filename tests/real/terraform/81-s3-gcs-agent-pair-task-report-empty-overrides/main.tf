# Two-way copies between S3 and a Google Cloud Storage bucket (through its
# S3-compatible endpoint and an agent on EC2), each with a STANDARD task
# report; a schedule is added only when the caller asks for one.

variable "region" {
  type    = string
  default = "eu-west-2"
}

variable "gcs_outbound_bucket" {
  type    = string
  default = "outbound-exchange"
}

variable "gcs_inbound_bucket" {
  type    = string
  default = "inbound-exchange"
}

variable "hmac_access_id" {
  type      = string
  sensitive = true
}

variable "hmac_secret" {
  type      = string
  sensitive = true
}

variable "outbound_bucket_arn" {
  type = string
}

variable "inbound_bucket_arn" {
  type = string
}

variable "report_bucket_arn" {
  type = string
}

variable "agent_ami" {
  type = string
}

variable "run_on_schedule" {
  description = "Whether to use schedule-based execution or manual trigger"
  type        = bool
}

variable "schedule" {
  type = string
}

variable "copy_options" {
  type = object({
    verify_mode            = string
    preserve_deleted_files = string
    task_queueing          = string
    log_level              = string
    transfer_mode          = string
  })
  default = {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    preserve_deleted_files = "REMOVE"
    task_queueing          = "ENABLED"
    log_level              = "BASIC"
    transfer_mode          = "CHANGED"
  }
}

variable "labels" {
  type    = map(string)
  default = {}
}

data "aws_caller_identity" "current" {}

resource "aws_iam_role" "bucket_access" {
  name = "exchange-bucket-access"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
    }]
  })
}

resource "aws_instance" "agent" {
  ami           = var.agent_ami
  instance_type = "m5.2xlarge"
  ebs_optimized = true
  root_block_device {
    encrypted = true
  }
  tags = { Name = "exchange-agent" }
}

resource "aws_datasync_agent" "exchange" {
  name       = "ExchangeAgent"
  ip_address = aws_instance.agent.private_ip
}

resource "aws_datasync_location_s3" "outbound" {
  s3_bucket_arn = var.outbound_bucket_arn
  subdirectory  = "/"
  s3_config {
    bucket_access_role_arn = aws_iam_role.bucket_access.arn
  }
}

resource "aws_datasync_location_s3" "inbound" {
  s3_bucket_arn = var.inbound_bucket_arn
  subdirectory  = "/"
  s3_config {
    bucket_access_role_arn = aws_iam_role.bucket_access.arn
  }
}

resource "aws_datasync_location_object_storage" "gcs_outbound" {
  server_hostname = "storage.googleapis.com"
  bucket_name     = var.gcs_outbound_bucket
  subdirectory    = "/"
  access_key      = var.hmac_access_id
  secret_key      = var.hmac_secret
  server_port     = 443
  server_protocol = "HTTPS"
  agent_arns      = [aws_datasync_agent.exchange.arn]
}

resource "aws_datasync_location_object_storage" "gcs_inbound" {
  server_hostname = "storage.googleapis.com"
  bucket_name     = var.gcs_inbound_bucket
  subdirectory    = "/"
  access_key      = var.hmac_access_id
  secret_key      = var.hmac_secret
  server_port     = 443
  server_protocol = "HTTPS"
  agent_arns      = [aws_datasync_agent.exchange.arn]
}

resource "aws_datasync_task" "s3_to_gcs" {
  source_location_arn      = aws_datasync_location_s3.outbound.arn
  destination_location_arn = aws_datasync_location_object_storage.gcs_outbound.arn
  name                     = "S3toGCS"
  cloudwatch_log_group_arn = "arn:aws:logs:${var.region}:${data.aws_caller_identity.current.account_id}:log-group:/aws/datasync:*"

  options {
    verify_mode            = var.copy_options.verify_mode
    preserve_deleted_files = var.copy_options.preserve_deleted_files
    task_queueing          = var.copy_options.task_queueing
    log_level              = var.copy_options.log_level
    transfer_mode          = var.copy_options.transfer_mode
    posix_permissions      = "NONE"
    uid                    = "NONE"
    gid                    = "NONE"
  }

  task_report_config {
    s3_destination {
      s3_bucket_arn          = var.report_bucket_arn
      bucket_access_role_arn = aws_iam_role.bucket_access.arn
      subdirectory           = "s3-to-gcs/"
    }
    report_level         = "SUCCESSES_AND_ERRORS"
    output_type          = "STANDARD"
    s3_object_versioning = "NONE"
    report_overrides {}
  }

  dynamic "schedule" {
    for_each = var.run_on_schedule ? [1] : []
    content {
      schedule_expression = var.schedule
    }
  }
}

resource "aws_datasync_task" "gcs_to_s3" {
  source_location_arn      = aws_datasync_location_object_storage.gcs_inbound.arn
  destination_location_arn = aws_datasync_location_s3.inbound.arn
  name                     = "GCStoS3"
  cloudwatch_log_group_arn = "arn:aws:logs:${var.region}:${data.aws_caller_identity.current.account_id}:log-group:/aws/datasync:*"

  options {
    verify_mode            = var.copy_options.verify_mode
    preserve_deleted_files = var.copy_options.preserve_deleted_files
    task_queueing          = var.copy_options.task_queueing
    log_level              = var.copy_options.log_level
    transfer_mode          = var.copy_options.transfer_mode
    posix_permissions      = "NONE"
    uid                    = "NONE"
    gid                    = "NONE"
  }

  task_report_config {
    s3_destination {
      s3_bucket_arn          = var.report_bucket_arn
      bucket_access_role_arn = aws_iam_role.bucket_access.arn
      subdirectory           = "gcs-to-s3/"
    }
    report_level         = "SUCCESSES_AND_ERRORS"
    output_type          = "STANDARD"
    s3_object_versioning = "NONE"
    report_overrides {}
  }

  dynamic "schedule" {
    for_each = var.run_on_schedule ? [1] : []
    content {
      schedule_expression = var.schedule
    }
  }

  tags = var.labels
}
